using System.Globalization;

namespace OrleansBatch.Silo.Tests.Jobs;

/// <summary>The repository's samples folder, and comparing outputs with their expected predictions.</summary>
public static class Samples
{
    public static string Root { get; } = FindRoot();

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, "samples", .. parts]);

    /// <summary>Asserts <paramref name="actual"/> (CSV text with header) equals <paramref name="expected"/> line by line: identity columns exactly, numbers within 1e-4.</summary>
    public static void AssertSameRows(IReadOnlyList<string> expected, IReadOnlyList<string> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            var e = expected[i].Split(',');
            var a = actual[i].Split(',');
            Assert.True(e.Length == a.Length, $"line {i}: '{actual[i]}' vs expected '{expected[i]}'");
            Assert.Equal(e[0], a[0]);
            Assert.Equal(e[1], a[1]);
            for (var c = 2; c < e.Length; c++)
            {
                if (double.TryParse(e[c], NumberStyles.Float, CultureInfo.InvariantCulture, out var ev))
                    Assert.True(Math.Abs(ev - double.Parse(a[c], CultureInfo.InvariantCulture)) < 1e-4, $"line {i} column {c}: {a[c]} vs {e[c]}");
                else
                    Assert.Equal(e[c], a[c]);
            }
        }
    }

    public static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "OrleansBatch.sln")))
                return dir.FullName;
        throw new DirectoryNotFoundException("OrleansBatch.sln not found above " + AppContext.BaseDirectory);
    }
}
