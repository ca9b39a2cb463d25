namespace OrleansBatch.Abstractions.Jobs;

/// <summary>The job an invocation created, or (same idempotency key within 24 h) the one it had created before.</summary>
[GenerateSerializer, Immutable, Alias("obatch.JobInvokeResult")]
public sealed record JobInvokeResult(JobInfo Job, bool Created);
