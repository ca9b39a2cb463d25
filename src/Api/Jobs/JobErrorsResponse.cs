namespace OrleansBatch.Api.Jobs;

/// <summary>
/// A page of <c>GET /v1/jobs/{name}/errors</c>: identical errors grouped into one line each, <c>total</c> failed items
/// of the job (every one, grouped or not), <c>groups</c> lines in the whole report, and the next page's link.
/// </summary>
public sealed record JobErrorsResponse(IReadOnlyList<JobItemErrorResponse> Value, long Total, int Groups, string? NextLink);
