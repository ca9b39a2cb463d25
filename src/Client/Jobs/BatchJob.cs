namespace OrleansBatch.Client.Jobs;

/// <summary>A batch job: what it runs (the deployment pinned at a version), where it is, and its progress.</summary>
public sealed record BatchJob
{
    /// <summary>The job's name (its id).</summary>
    public string Name { get; init; } = "";

    /// <summary>The endpoint invoked.</summary>
    public string Endpoint { get; init; } = "";

    /// <summary>The deployment that runs the job.</summary>
    public string Deployment { get; init; } = "";

    /// <summary>The deployment version pinned when the job was created; later changes do not affect the job.</summary>
    public int DeploymentVersion { get; init; }

    /// <summary>The job's status.</summary>
    public BatchJobStatus Status { get; init; }

    /// <summary>The inputs by name (<c>input</c> for the single input of a model deployment).</summary>
    public IReadOnlyDictionary<string, BatchJobInputInfo> Inputs { get; init; } = new Dictionary<string, BatchJobInputInfo>();

    /// <summary>Where the job writes its output.</summary>
    public BatchJobOutputInfo? Output { get; init; }

    /// <summary>The effective settings: the deployment's, with the invocation's overrides.</summary>
    public BatchJobSettings? Settings { get; init; }

    /// <summary>Progress counters.</summary>
    public BatchJobProgress? Progress { get; init; }

    /// <summary>Why the job failed, when it did.</summary>
    public BatchJobError? Error { get; init; }

    /// <summary>When the job was created, started and ended (UTC).</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <inheritdoc cref="CreatedAt"/>
    public DateTimeOffset? StartedAt { get; init; }

    /// <inheritdoc cref="CreatedAt"/>
    public DateTimeOffset? EndedAt { get; init; }

    /// <summary>Whether the job has ended (Completed, Failed or Canceled).</summary>
    public bool IsTerminal => Status is BatchJobStatus.Completed or BatchJobStatus.Failed or BatchJobStatus.Canceled;
}
