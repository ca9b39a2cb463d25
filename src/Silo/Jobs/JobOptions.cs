namespace OrleansBatch.Silo.Jobs;

/// <summary>Settings of job orchestration and scoring in one silo (configuration section <c>Jobs</c>).</summary>
public sealed class JobOptions
{
    public const string SectionName = "Jobs";

    /// <summary>This silo's name in job logs and results.</summary>
    public string SiloId { get; set; } = $"{Environment.MachineName}-{Environment.ProcessId}";

    /// <summary>How often an owner reads the store for results whose call did not reach it (results normally come with the worker's call to the job grain, on any silo).</summary>
    public TimeSpan ResultPollInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Least time between two progress writes of a job (counters are written in batches).</summary>
    public TimeSpan ProgressInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Scoring slots of this silo: mini-batches scored at once here (more wait, shared fairly between tenants).</summary>
    public int Workers { get; set; } = Math.Max(2, Environment.ProcessorCount);

    /// <summary>Wait before retry n of a mini-batch is n times this.</summary>
    public TimeSpan RetryBackoff { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Local folders that job inputs may name (besides uploads and data assets): <c>OBATCH_DATA_ROOTS</c>, ':'-separated.</summary>
    public IList<string> DataRoots { get; set; } = [];

    /// <summary>The platform's own data directory (<c>OBATCH_DATA_DIR</c>): never reached through a data root that contains it.</summary>
    public string DataDirectory { get; set; } = "";

}
