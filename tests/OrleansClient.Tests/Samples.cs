using System.Globalization;

namespace OrleansBatch.OrleansClient.Tests;

/// <summary>The repository's committed samples, and comparing an output with its expected predictions.</summary>
public static class Samples
{
    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, "samples", .. parts]);

    public static string WineModel => Path("tree-ensemble", "model.onnx");

    public static string WineCsv => Path("tree-ensemble", "data", "wine.csv");

    public static string[] WineExpected => Lines(File.ReadAllText(Path("tree-ensemble", "expected.csv")));

    public static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Asserts the same rows in the same order: identity columns exactly, numbers within 1e-4 (float32 against float64).</summary>
    public static void AssertSameRows(IReadOnlyList<string> expected, IReadOnlyList<string> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        Assert.Equal(expected[0], actual[0]);
        for (var i = 1; i < expected.Count; i++)
        {
            var e = expected[i].Split(',');
            var a = actual[i].Split(',');
            Assert.True(e.Length == a.Length && e[0] == a[0] && e[1] == a[1], $"line {i}: '{actual[i]}' vs expected '{expected[i]}'");
            for (var c = 2; c < e.Length; c++)
                Assert.True(Math.Abs(double.Parse(e[c], CultureInfo.InvariantCulture) - double.Parse(a[c], CultureInfo.InvariantCulture)) < 1e-4, $"line {i} column {c}: {a[c]} vs {e[c]}");
        }
    }

    private static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "OrleansBatch.sln")))
                return dir.FullName;
        throw new DirectoryNotFoundException("OrleansBatch.sln not found above " + AppContext.BaseDirectory);
    }
}
