using System.Globalization;

namespace OrleansBatch.Scoring.Tests;

/// <summary>A sample's expected.csv: <c>file_name,row,</c> then output columns; labels compare exactly, probabilities within 1e-4.</summary>
public sealed class ExpectedPredictions
{
    private ExpectedPredictions(string[] columns, List<(string File, long Row, string[] Values)> rows)
    {
        Columns = columns;
        Rows = rows;
    }

    /// <summary>Output columns (without file_name and row).</summary>
    public string[] Columns { get; }

    public List<(string File, long Row, string[] Values)> Rows { get; }

    public static ExpectedPredictions Load(string path)
    {
        var lines = File.ReadAllLines(path);
        var header = lines[0].Split(',');
        var rows = lines.Skip(1).Where(l => l.Length > 0).Select(l =>
        {
            var f = l.Split(',');
            return (f[0], long.Parse(f[1], CultureInfo.InvariantCulture), f[2..]);
        }).ToList();
        return new ExpectedPredictions(header[2..], rows);
    }

    /// <summary>Asserts that <paramref name="actual"/> (one output line per expected row, in order) matches.</summary>
    public void AssertMatches(IReadOnlyList<string> actualColumns, IReadOnlyList<(long Row, string Values)> actual, bool compareRows = true)
    {
        Assert.Equal(Columns, actualColumns);
        Assert.Equal(Rows.Count, actual.Count);
        for (var i = 0; i < Rows.Count; i++)
        {
            var expected = Rows[i];
            if (compareRows)
            {
                Assert.Equal(expected.Row, actual[i].Row);
            }

            var values = actual[i].Values.Split(',');
            Assert.Equal(expected.Values.Length, values.Length);
            for (var c = 0; c < values.Length; c++)
            {
                if (Columns[c] == "label")
                {
                    Assert.True(expected.Values[c] == values[c], $"row {i} ({expected.File}): label {values[c]}, expected {expected.Values[c]}");
                    continue;
                }

                var e = double.Parse(expected.Values[c], CultureInfo.InvariantCulture);
                var a = double.Parse(values[c], CultureInfo.InvariantCulture);
                Assert.True(Math.Abs(e - a) <= 1e-4, $"row {i} ({expected.File}) {Columns[c]}: {a}, expected {e}");
            }
        }
    }
}
