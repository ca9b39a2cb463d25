namespace OrleansBatch.Silo.Jobs;

/// <summary>Settings of job orchestration and mini-batch workers in one silo (configuration section <c>Jobs</c>).</summary>
public sealed class JobOptions
{
    public const string SectionName = "Jobs";

    /// <summary>This silo's identity in leases, logs and results.</summary>
    public string SiloId { get; set; } = $"{Environment.MachineName}-{Environment.ProcessId}";

    /// <summary>Lifetime of a job owner's lease; renewed every third of it. A dead owner's jobs resume elsewhere after this.</summary>
    public TimeSpan LeaseTtl { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How often a silo looks for live jobs without an owner (new jobs in this process wake it at once).</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How often an owner polls for results written by other silos (results in this process wake it at once).</summary>
    public TimeSpan ResultPollInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Least time between two progress writes of a job (counters are written in batches).</summary>
    public TimeSpan ProgressInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// How often an idle silo looks at the tenants' queues for mini-batches enqueued by other silos (one enqueued in this
    /// process wakes it at once). Shorter joins other silos' jobs sooner, at one queue read per live tenant per look.
    /// </summary>
    public TimeSpan IdlePollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Mini-batch workers in this silo.</summary>
    public int Workers { get; set; } = Math.Max(2, Environment.ProcessorCount);

    /// <summary>The work queue's visibility timeout for a mini-batch; a worker extends it while it works, so a dead worker's mini-batch reappears after this.</summary>
    public TimeSpan VisibilityTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Wait before retry n of a mini-batch is n times this.</summary>
    public TimeSpan RetryBackoff { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Local folders that job inputs may name (besides uploads and data assets): <c>OBATCH_DATA_ROOTS</c>, ':'-separated.</summary>
    public IList<string> DataRoots { get; set; } = [];

    /// <summary>The queue mini-batches travel on.</summary>
    public string QueueName { get; set; } = "minibatches";
}
