namespace OrleansBatch.Scoring.Tests.Files;

/// <summary>Finds the repository's samples/ folder by walking up from the test binaries to OrleansBatch.sln.</summary>
public static class SampleDirectory
{
    private static readonly Lazy<string> Root = new(FindRoot);

    /// <summary>A path under samples/, e.g. <c>Path("digits", "images")</c>.</summary>
    public static string Path(params string[] parts) => System.IO.Path.Combine([Root.Value, "samples", .. parts]);

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "OrleansBatch.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No OrleansBatch.sln above {AppContext.BaseDirectory}.");
    }
}
