using System.Runtime.InteropServices;
using OrleansBatch.Scoring.Native;

namespace OrleansBatch.Scoring;

/// <summary>
/// ONNX Runtime loaded into this process: the native library (found by <c>OBATCH_ORT_LIBRARY</c>, else beside the
/// app, else the repository's npm install), its API table and one environment. Register one per process
/// (a singleton); sessions made from it share its environment. Disposing releases the environment.
/// </summary>
public sealed unsafe class OnnxRuntime : IDisposable
{
    private static readonly Lock LoadLock = new();
    private static (OrtApi Api, string Version, string Path)? _loaded;

    private readonly OrtEnvHandle _env;
    private readonly OrtMemoryInfoHandle _cpuMemory;

    /// <summary>Loads ONNX Runtime (once per process) and creates an environment.</summary>
    /// <param name="libraryPath">Explicit path to <c>libonnxruntime.so.1</c>; null to search (see the class summary).</param>
    /// <exception cref="DllNotFoundException">The library is absent; the message names the paths tried and how to fix it.</exception>
    public OnnxRuntime(string? libraryPath = null)
    {
        (Api, Version, LibraryPath) = LoadProcessWide(libraryPath);

        nint env;
        var logId = "orleansbatch"u8;
        fixed (byte* id = logId)
        {
            // Level ERROR: ONNX Runtime's warnings (e.g. about unused initializers) are noise in batch logs.
            Api.Check(Api.CreateEnv(3, id, &env));
        }

        _env = new OrtEnvHandle(Api, env);

        nint memory;
        Api.Check(Api.CreateCpuMemoryInfo(0 /* device allocator */, 0 /* default mem type */, &memory));
        _cpuMemory = new OrtMemoryInfoHandle(Api, memory);

        nint allocator;
        Api.Check(Api.GetAllocatorWithDefaultOptions(&allocator));
        DefaultAllocator = allocator;
    }

    /// <summary>ONNX Runtime's version string, e.g. <c>1.30.0</c>.</summary>
    public string Version { get; }

    /// <summary>The native library file that was loaded.</summary>
    public string LibraryPath { get; }

    internal OrtApi Api { get; }

    internal nint Env => _env.DangerousGetHandle();

    internal nint CpuMemory => _cpuMemory.DangerousGetHandle();

    /// <summary>ONNX Runtime's default CPU allocator; never released (shared/ort-c-api.md).</summary>
    internal nint DefaultAllocator { get; }

    /// <summary>Releases the environment. Sessions made from this runtime must be disposed first.</summary>
    public void Dispose()
    {
        _cpuMemory.Dispose();
        _env.Dispose();
    }

    private static (OrtApi, string, string) LoadProcessWide(string? libraryPath)
    {
        lock (LoadLock)
        {
            if (_loaded is { } done)
            {
                return done;
            }

            var path = OrtLibraryLocator.Locate(libraryPath);
            var library = NativeLibrary.Load(path);
            var getApiBase = (delegate* unmanaged<nint*>)NativeLibrary.GetExport(library, "OrtGetApiBase");

            // OrtApiBase: [0] GetApi(uint32 version), [1] GetVersionString().
            var apiBase = getApiBase();
            var getApi = (delegate* unmanaged<uint, nint>)apiBase[0];
            var getVersion = (delegate* unmanaged<byte*>)apiBase[1];
            var version = Marshal.PtrToStringUTF8((nint)getVersion()) ?? "unknown";
            var table = getApi(OrtApiIndex.ApiVersion);
            if (table == 0)
            {
                throw new DllNotFoundException(
                    $"ONNX Runtime at '{path}' (version {version}) does not offer C API version {OrtApiIndex.ApiVersion}. Use ONNX Runtime 1.30 (npm onnxruntime-node 1.30.0).");
            }

            _loaded = (new OrtApi(table), version, path);
            return _loaded.Value;
        }
    }
}
