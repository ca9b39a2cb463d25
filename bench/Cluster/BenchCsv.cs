using OrleansBatch.Api.Tests.Support;

namespace OrleansBatch.Bench.Cluster;

/// <summary>Input for the benchmark: the breast-cancer sample's rows repeated into one CSV.</summary>
public static class BenchCsv
{
    /// <summary>Writes <c>&lt;folder&gt;/data.csv</c> with <paramref name="rows"/> data rows; returns its path.</summary>
    public static string Write(string folder, int rows)
    {
        var sample = File.ReadAllLines(RepositoryPaths.Sample("breast-cancer", "data", "breast_cancer.csv"));
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "data.csv");
        using var writer = new StreamWriter(path);
        writer.Write(sample[0] + "\n");
        for (var i = 0; i < rows; i++)
            writer.Write(sample[1 + i % (sample.Length - 1)] + "\n");
        return path;
    }
}
