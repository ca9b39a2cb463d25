namespace OrleansBatch.Bench.Providers;

/// <summary>A small state, about the size of a job's progress record.</summary>
public sealed class BenchState
{
    public int Value { get; set; }

    public string Note { get; set; } = "tenant-a/job-0001 running 12/40 mini-batches";
}
