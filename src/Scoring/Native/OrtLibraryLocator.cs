namespace OrleansBatch.Scoring.Native;

/// <summary>Finds <c>libonnxruntime.so.1</c>: the <c>OBATCH_ORT_LIBRARY</c> override, else beside the app, else the repository's <c>native/node_modules</c>.</summary>
internal static class OrtLibraryLocator
{
    public const string OverrideVariable = "OBATCH_ORT_LIBRARY";
    public const string FileName = "libonnxruntime.so.1";
    private const string PackagePath = "native/node_modules/onnxruntime-node/bin/napi-v6/linux/x64/" + FileName;

    /// <summary>The path to load; throws <see cref="DllNotFoundException"/> naming every place looked at and how to fix it.</summary>
    public static string Locate(string? explicitPath = null)
    {
        var chosen = explicitPath ?? Environment.GetEnvironmentVariable(OverrideVariable);
        if (!string.IsNullOrWhiteSpace(chosen))
        {
            return File.Exists(chosen)
                ? Path.GetFullPath(chosen)
                : throw new DllNotFoundException(
                    $"ONNX Runtime library '{chosen}' (from {(explicitPath is null ? OverrideVariable : "the configured path")}) does not exist. " +
                    $"Point {OverrideVariable} at an existing {FileName}, or unset it to use the one the build installs from npm (onnxruntime-node 1.30.0).");
        }

        var looked = new List<string>();
        var beside = Path.Combine(AppContext.BaseDirectory, FileName);
        looked.Add(beside);
        if (File.Exists(beside))
        {
            return beside;
        }

        // dotnet test/run from inside a clone whose build did not copy the library: use the npm install directly.
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, PackagePath);
            if (File.Exists(candidate))
            {
                return candidate;
            }

            if (File.Exists(Path.Combine(dir.FullName, "OrleansBatch.sln")))
            {
                looked.Add(candidate);
                break;
            }
        }

        throw new DllNotFoundException(
            $"ONNX Runtime native library {FileName} was not found (looked for: {string.Join(", ", looked)}). " +
            $"Fix: build src/Scoring (its build runs 'npm ci --ignore-scripts' in native/ and copies {FileName} beside the binaries; needs npm), " +
            $"or set {OverrideVariable} to the full path of an ONNX Runtime 1.30 {FileName}.");
    }
}
