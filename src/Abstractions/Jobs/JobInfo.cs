namespace OrleansBatch.Abstractions.Jobs;

/// <summary>A job as an Orleans client sees it (the fields of <c>GET /v1/jobs/{name}</c> a caller acts on).</summary>
/// <param name="Name">The job's name.</param>
/// <param name="Endpoint">The endpoint invoked.</param>
/// <param name="Deployment">The deployment that runs it.</param>
/// <param name="DeploymentVersion">The deployment version the job pinned at invoke.</param>
/// <param name="Status"><c>Queued</c>, <c>Running</c>, <c>CancelRequested</c>, <c>Finalizing</c>, <c>Completed</c>, <c>Failed</c> or <c>Canceled</c>.</param>
/// <param name="Progress">Mini-batch and item counters.</param>
/// <param name="Output">The output as the caller named it (URLs without their query).</param>
/// <param name="Error">Why the job failed, or null.</param>
/// <param name="CreatedAt">When it was invoked.</param>
/// <param name="StartedAt">When its owner started it.</param>
/// <param name="EndedAt">When it ended.</param>
[GenerateSerializer, Immutable, Alias("obatch.JobInfo")]
public sealed record JobInfo(
    string Name,
    string Endpoint,
    string Deployment,
    int DeploymentVersion,
    string Status,
    JobProgressInfo Progress,
    string Output,
    JobErrorInfo? Error,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? EndedAt)
{
    /// <summary>Whether the job has ended (<c>Completed</c>, <c>Failed</c> or <c>Canceled</c>): nothing about it changes any more.</summary>
    public bool HasEnded => EndedStatuses.Contains(Status, StringComparer.Ordinal);

    /// <summary>The statuses of a job that has ended.</summary>
    public static readonly IReadOnlyList<string> EndedStatuses = ["Completed", "Failed", "Canceled"];
}
