namespace OrleansBatch.Abstractions.Jobs;

/// <summary>A page of a job's error report (<c>GET /v1/jobs/{name}/errors</c>): identical errors grouped into one line each.</summary>
/// <param name="Errors">This page's lines.</param>
/// <param name="TotalFailedItems">Failed items of the job, every one, grouped or not.</param>
/// <param name="Groups">Lines in the whole report.</param>
/// <param name="Continuation">The next page's continuation, or null on the last page.</param>
[GenerateSerializer, Immutable, Alias("obatch.JobErrorReport")]
public sealed record JobErrorReport(IReadOnlyList<JobItemErrorInfo> Errors, long TotalFailedItems, int Groups, string? Continuation);
