namespace OrleansBatch.Bench.Scoring;

/// <summary>One benchmark line: the scorer's throughput against the bare ONNX Runtime loop on the same data.</summary>
internal sealed record Measurement(string Case, double ScorerRowsPerSecond, double BareRowsPerSecond)
{
    public double Ratio => ScorerRowsPerSecond / BareRowsPerSecond;

    public void Print() =>
        Console.WriteLine($"{Case,-34} {ScorerRowsPerSecond,14:N0} {BareRowsPerSecond,16:N0} {Ratio,6:F2}");

    /// <summary>
    /// Times <paramref name="scorer"/> and <paramref name="bare"/> alternately (after a warm-up of each), so both
    /// see the same share of a busy machine, and keeps the best of <paramref name="repetitions"/> runs of each.
    /// </summary>
    public static (double Scorer, double Bare) Compare(int repetitions, long rows, Action scorer, Action bare)
    {
        scorer();
        bare();
        double bestScorer = double.MaxValue, bestBare = double.MaxValue;
        for (var i = 0; i < repetitions; i++)
        {
            bestScorer = Math.Min(bestScorer, Time(scorer));
            bestBare = Math.Min(bestBare, Time(bare));
        }

        return (rows / bestScorer, rows / bestBare);
    }

    private static double Time(Action action)
    {
        GC.Collect();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        action();
        return watch.Elapsed.TotalSeconds;
    }

    /// <summary>Best of <paramref name="repetitions"/> timed runs (after one warm-up) of <paramref name="action"/>, as rows per second.</summary>
    public static double BestRate(int repetitions, long rows, Action action)
    {
        action();
        var best = double.MaxValue;
        for (var i = 0; i < repetitions; i++)
        {
            GC.Collect();
            var watch = System.Diagnostics.Stopwatch.StartNew();
            action();
            best = Math.Min(best, watch.Elapsed.TotalSeconds);
        }

        return rows / best;
    }
}
