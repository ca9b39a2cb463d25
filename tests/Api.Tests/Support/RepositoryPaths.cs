namespace OrleansBatch.Api.Tests.Support;

/// <summary>Finds files of the repository (committed sample models, the built gateway) from the test's output folder.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Sample(params string[] parts) => Path.Combine([Root, "samples", .. parts]);

    public static string BreastCancerModel => Sample("breast-cancer", "model.onnx");

    public static string BreastCancerPreprocess => Sample("breast-cancer", "preprocess.onnx");

    /// <summary>
    /// The built <paramref name="dll"/> of <c>src/&lt;project&gt;</c> in the configuration of the running test or
    /// benchmark (its output's bin/&lt;Configuration&gt;), else the copy next to it.
    /// </summary>
    public static string Built(string project, string dll)
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent?.Name ?? "Debug";
        var built = Path.Combine(Root, "src", project, "bin", configuration, "net10.0", dll);
        return File.Exists(built) ? built : Path.Combine(AppContext.BaseDirectory, dll);
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "OrleansBatch.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException("OrleansBatch.sln not found above " + AppContext.BaseDirectory);
    }
}
