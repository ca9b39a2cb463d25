namespace OrleansBatch.EndToEnd.Tests.Support;

/// <summary>Paths in the repository: its root, the samples, the built gateway.</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string Sample(params string[] parts) => Path.Combine([Root, "samples", .. parts]);

    /// <summary>The gateway built in the same configuration as these tests.</summary>
    public static string GatewayDll
    {
        get
        {
            var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent?.Name ?? "Debug";
            var built = Path.Combine(Root, "src", "Api", "bin", configuration, "net10.0", "OrleansBatch.Api.dll");
            return File.Exists(built) ? built : Path.Combine(AppContext.BaseDirectory, "OrleansBatch.Api.dll");
        }
    }

    /// <summary>The silo host built in the same configuration as these tests.</summary>
    public static string SiloDll
    {
        get
        {
            var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent?.Name ?? "Debug";
            var built = Path.Combine(Root, "src", "Silo", "bin", configuration, "net10.0", "OrleansBatch.Silo.dll");
            return File.Exists(built) ? built : Path.Combine(AppContext.BaseDirectory, "OrleansBatch.Silo.dll");
        }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "OrleansBatch.sln")))
                return dir.FullName;
        throw new DirectoryNotFoundException("OrleansBatch.sln not found above " + AppContext.BaseDirectory);
    }
}
