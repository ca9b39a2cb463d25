namespace OrleansBatch.Bench.Cluster;

/// <summary>One measured job: wall time from invoke to Completed, its mini-batch count and rows written.</summary>
public sealed record JobTiming(string Setup, string Job, double Seconds, int MiniBatches, long Rows)
{
    public double RowsPerSecond => Rows / Seconds;

    public double MillisecondsPerMiniBatch => Seconds * 1000 / MiniBatches;
}
