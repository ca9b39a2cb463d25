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
        // CPU seconds rather than wall time: on a loaded machine a process's share of the cores swings between runs,
        // while the work each run does stays put.
        ("large CSV, window 2 x workers: scorer-alone CPU / job CPU", false),
        ("large CSV, window = workers: scorer-alone CPU / job CPU", false),
        ("large CSV: peak working set of the process (MB)", true),
    ];

    private readonly Dictionary<string, List<double>> _values = new(StringComparer.Ordinal);

    /// <summary>The figure's value: the median when several lines gave one (the counted rounds of the large CSV).</summary>
    public double? this[string name] => _values.TryGetValue(name, out var values) ? values.Order().ElementAt(values.Count / 2) : null;

    /// <summary>Reads the figures a printed line carries, if any.</summary>
    public void Read(string line, int workers)
    {
        if (line.StartsWith("throughput:", StringComparison.Ordinal) && Ratio().Match(line) is { Success: true } ratio)
            Add(0, ratio.Groups[1].Value);
        if (Overhead().Match(line) is { Success: true } overhead)
        {
            for (var i = 1; i <= 4; i++)
                Add(i, overhead.Groups[i].Value);
        }
        if (First().Match(line) is { Success: true } first)
            Add(5, first.Groups[1].Value);
        if (Large().Match(line) is { Success: true } large)
            Add(IsWorkers(large.Groups[1].Value) ? 7 : 6, large.Groups[2].Value);
        if (CountedRound().Match(line) is { Success: true } round)
        {
            foreach (Match job in JobCpu().Matches(line))
                Add(IsWorkers(job.Groups[1].Value) ? 9 : 8, Number(round.Groups[1].Value) / Number(job.Groups[2].Value));
        }
        if (Memory().Match(line) is { Success: true } memory)
            Add(10, memory.Groups[1].Value);

        bool IsWorkers(string window) => int.Parse(window, CultureInfo.InvariantCulture) == workers;
    }

    private void Add(int figure, string value) => Add(figure, Number(value));

    private void Add(int figure, double value)
    {
        var name = Compared[figure].Name;
        if (!_values.TryGetValue(name, out var values))
            _values[name] = values = [];
        values.Add(value);
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

    [GeneratedRegex(@"^large CSV round [1-9]\d*: scorer alone [\d,]+ rows/s \(([\d.]+) CPU s\)")]
    private static partial Regex CountedRound();

    [GeneratedRegex(@"job window (\d+): [^;]*?, ([\d.]+) CPU s\) ratio")]
    private static partial Regex JobCpu();

    [GeneratedRegex(@"peak working set of the process ([\d,]+) MB")]
    private static partial Regex Memory();
}
