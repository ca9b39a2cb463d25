using System.Globalization;
using System.Text.RegularExpressions;

namespace OrleansBatch.Bench.Jobs;

/// <summary>
/// The figures of one side of the comparison, read from the lines the benchmark prints. Both sides print the same lines
/// (this program, and the same program built at the commit before the move onto Orleans), so one reader serves both.
/// </summary>
public sealed partial class Figures
{
    /// <summary>The figures compared, in the order of the table, with whether a lower value is better.</summary>
    public static readonly IReadOnlyList<(string Name, bool LowerIsBetter)> Compared =
    [
        ("throughput 200k rows: job / scorer alone", false),
        ("overhead per mini-batch, median (ms)", true),
        ("overhead per mini-batch, mean (ms)", true),
        ("job wall time per mini-batch less scoring (ms)", true),
        ("worker time per mini-batch, median (ms)", true),
        ("invoke -> first result, median (ms)", true),
        ("large CSV, window 2 x workers: job / scorer alone", false),
        ("large CSV, window = workers: job / scorer alone", false),
        ("large CSV: peak working set of the process (MB)", true),
    ];

    private readonly Dictionary<string, double> _values = new(StringComparer.Ordinal);

    public double? this[string name] => _values.TryGetValue(name, out var value) ? value : null;

    /// <summary>Reads the figures a printed line carries, if any.</summary>
    public void Read(string line, int workers)
    {
        if (line.StartsWith("throughput:", StringComparison.Ordinal) && Ratio().Match(line) is { Success: true } ratio)
            _values[Compared[0].Name] = Number(ratio.Groups[1].Value);
        if (Overhead().Match(line) is { Success: true } overhead)
        {
            for (var i = 1; i <= 4; i++)
                _values[Compared[i].Name] = Number(overhead.Groups[i].Value);
        }
        if (First().Match(line) is { Success: true } first)
            _values[Compared[5].Name] = Number(first.Groups[1].Value);
        if (Large().Match(line) is { Success: true } large)
            _values[Compared[int.Parse(large.Groups[1].Value, CultureInfo.InvariantCulture) == workers ? 7 : 6].Name] = Number(large.Groups[2].Value);
        if (Memory().Match(line) is { Success: true } memory)
            _values[Compared[8].Name] = Number(memory.Groups[1].Value);
    }

    private static double Number(string text) => double.Parse(text.Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);

    [GeneratedRegex(@"ratio (-?[\d.]+)$")]
    private static partial Regex Ratio();

    [GeneratedRegex(@"median (-?[\d.]+) ms, mean (-?[\d.]+) ms; job wall time per mini-batch less scoring (-?[\d.]+) ms; worker time \(input checks, scoring, part\) median (-?[\d.]+) ms")]
    private static partial Regex Overhead();

    [GeneratedRegex(@"^invoke -> first scored mini-batch: median ([\d.]+) ms")]
    private static partial Regex First();

    [GeneratedRegex(@"^large CSV throughput, window (\d+): job / scorer alone median ([\d.]+)")]
    private static partial Regex Large();

    [GeneratedRegex(@"peak working set of the process ([\d,]+) MB")]
    private static partial Regex Memory();
}
