namespace OrleansBatch.Bench.Scoring;

/// <summary>One benchmark line: the scorer's throughput against the bare ONNX Runtime loop on the same data.</summary>
internal sealed record Measurement(string Case, double ScorerRowsPerSecond, double BareRowsPerSecond)
{
    public double Ratio => ScorerRowsPerSecond / BareRowsPerSecond;

    public void Print() =>
        Console.WriteLine($"{Case,-34} {ScorerRowsPerSecond,14:N0} {BareRowsPerSecond,16:N0} {Ratio,6:F2}");

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
