using System.Text;
using OrleansBatch.Scoring.Tests.Files;

namespace OrleansBatch.Scoring.Tests.Tabular;

/// <summary>
/// The breast-cancer rows repeated to a given count, every <c>every</c>-th row (0, every, 2*every, ...) holding
/// <see cref="BadValue"/> in its first feature, as CSV or JSON lines: a wide model input without
/// settings.input_columns, where only the bad rows may fail.
/// </summary>
public static class BadRowsSample
{
    public const string BadValue = "not-a-number";

    /// <summary>The first feature's name: the column every bad row names.</summary>
    public static string FirstFeature => Header[0];

    private static string[] Lines => File.ReadAllLines(SampleDirectory.Path("breast-cancer", "data", "breast_cancer.csv"));

    private static string[] Header => Lines[0].Split(',');

    public static void WriteCsv(string path, int rows, int every)
    {
        var source = Lines;
        var text = new StringBuilder(source[0]).Append('\n');
        for (var i = 0; i < rows; i++)
        {
            var line = source[1 + (i % (source.Length - 1))];
            text.Append(i % every == 0 ? BadValue + line[line.IndexOf(',')..] : line).Append('\n');
        }

        File.WriteAllText(path, text.ToString());
    }

    public static void WriteJsonLines(string path, int rows, int every)
    {
        var source = Lines;
        var header = Header;
        var text = new StringBuilder();
        for (var i = 0; i < rows; i++)
        {
            var cells = source[1 + (i % (source.Length - 1))].Split(',');
            if (i % every == 0)
            {
                cells[0] = $"\"{BadValue}\"";
            }

            text.Append('{').AppendJoin(", ", header.Select((name, c) => $"\"{name}\": {cells[c]}")).Append("}\n");
        }

        File.WriteAllText(path, text.ToString());
    }

    /// <summary>Byte ranges of <paramref name="rowsPerSlice"/> data rows each (the CSV header, if any, in the first), as a planner in rows cuts them.</summary>
    public static IReadOnlyList<InputSlice> Slices(string path, int rowsPerSlice, bool header)
    {
        var bytes = File.ReadAllBytes(path);
        var starts = new List<long> { 0 };
        for (var i = 0; i < bytes.Length - 1; i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                starts.Add(i + 1);
            }
        }

        var first = header ? 1 : 0;
        var cuts = new List<long> { 0 };
        for (var line = first + rowsPerSlice; line < starts.Count; line += rowsPerSlice)
        {
            cuts.Add(starts[line]);
        }

        cuts.Add(bytes.Length);
        var name = Path.GetFileName(path);
        return cuts.Zip(cuts.Skip(1), (from, to) => new InputSlice(path, name, from, to - from)).ToList();
    }
}
