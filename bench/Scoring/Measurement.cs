namespace OrleansBatch.Bench.Scoring;

/// <summary>
/// One benchmark line: the scorer's throughput beside its baselines on the same data, in one run: a bare Run on
/// tensors built in advance, what a .NET user writes by hand, and ML.NET's own Transform (null where not applicable).
/// </summary>
internal sealed record Measurement(string Case, double Scorer, double? Bare, double? ByHand, double? MlNet)
{
    public static void PrintHeader() =>
        Console.WriteLine($"{"case",-34} {"scorer",12} {"bare Run",12} {"by hand",12} {"ML.NET",12} {"vs hand",8} {"vs ML.NET",9}");

    public void Print() =>
        Console.WriteLine($"{Case,-34} {Scorer,12:N0} {Text(Bare),12} {Text(ByHand),12} {Text(MlNet),12} {Ratio(ByHand),8} {Ratio(MlNet),9}");

    /// <summary>
    /// Times every run alternately (after a warm-up of each), so all see the same share of a busy machine, and
    /// keeps the best of <paramref name="repetitions"/> rounds of each, as rows per second.
    /// </summary>
    public static double[] Compare(int repetitions, long rows, params Action[] runs)
    {
        foreach (var run in runs)
        {
            run();
        }

        var best = runs.Select(_ => double.MaxValue).ToArray();
        for (var i = 0; i < repetitions; i++)
        {
            for (var r = 0; r < runs.Length; r++)
            {
                best[r] = Math.Min(best[r], Time(runs[r]));
            }
        }

        return best.Select(b => rows / b).ToArray();
    }

    /// <summary>Best of <paramref name="repetitions"/> timed runs (after one warm-up) of <paramref name="action"/>, as rows per second.</summary>
    public static double BestRate(int repetitions, long rows, Action action) => Compare(repetitions, rows, action)[0];

    /// <summary>
    /// CPU time per row of <paramref name="run"/> (all threads of the process, best of the rounds), in microseconds:
    /// steadier than wall time on a shared machine, and it counts the extra threads a run uses.
    /// </summary>
    public static double CpuPerRow(BenchOptions options, Action run)
    {
        var best = double.MaxValue;
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        for (var i = 0; i < options.Repetitions; i++)
        {
            process.Refresh();
            var before = process.TotalProcessorTime;
            run();
            process.Refresh();
            best = Math.Min(best, (process.TotalProcessorTime - before).TotalMicroseconds / options.Rows);
        }

        return best;
    }

    private static double Time(Action action)
    {
        GC.Collect();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        action();
        return watch.Elapsed.TotalSeconds;
    }

    private static string Text(double? rate) => rate is { } r ? r.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) : "-";

    private string Ratio(double? baseline) => baseline is { } b ? (Scorer / b).ToString("F2", System.Globalization.CultureInfo.InvariantCulture) : "-";
}
