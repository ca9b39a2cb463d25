using OrleansBatch.Abstractions;
using OrleansBatch.Grains.Providers;
namespace OrleansBatch.Grains.Domain.Jobs;

/// <summary>
/// The state of the Job grain (key tenant/job). The spec never changes after creation; the owner (the
/// activation named by <see cref="OwnerToken"/>) moves the status and writes plan, progress and outputs.
/// <see cref="TraceParent"/> is the W3C context of the request that created the job: every span of the job joins its trace.
/// </summary>
[GenerateSerializer, Immutable, Alias("obatch.jobs.JobState")]
public sealed record JobState(
    string Name,
    string Tenant,
    JobSpec Spec,
    JobStatus Status,
    DateTimeOffset CreatedAt,
    string? IdempotencyKey = null,
    DateTimeOffset? StartedAt = null,
    DateTimeOffset? EndedAt = null,
    JobPlan? Plan = null,
    JobProgress? Progress = null,
    JobError? Error = null,
    string? OutputPath = null,
    JobSummary? Summary = null,
    string? OwnerToken = null,
    int FinalizeAttempts = 0,
    string? TraceParent = null) : IIndexedState
{
    /// <summary>The counters; once the job has ended nothing is running any more, whatever the last report said.</summary>
    public JobProgress Counters => Status.IsTerminal() ? (Progress ?? JobProgress.Empty).Settled() : Progress ?? JobProgress.Empty;

    /// <inheritdoc/>
    public IReadOnlyList<QueryField> QueryFields() => JobListIndex.Of(this);
}
