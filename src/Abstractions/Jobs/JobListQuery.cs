namespace OrleansBatch.Abstractions.Jobs;

/// <summary>Which jobs to list (newest first) and the page: the filters of <c>GET /v1/jobs</c>.</summary>
/// <param name="Endpoint">Only this endpoint's jobs.</param>
/// <param name="Deployment">Only this deployment's jobs.</param>
/// <param name="Status">Only jobs in this status (e.g. <c>Running</c>).</param>
/// <param name="Top">Jobs per page (1-500).</param>
/// <param name="Continuation">The previous page's continuation, or null for the first page.</param>
[GenerateSerializer, Immutable, Alias("obatch.JobListQuery")]
public sealed record JobListQuery(string? Endpoint = null, string? Deployment = null, string? Status = null, int Top = 50, string? Continuation = null);
