namespace OrleansBatch.Api.Jobs;

/// <summary>
/// A job as <c>GET /v1/jobs/{name}</c> returns it (snake_case on the wire). <see cref="TraceId"/> is the W3C trace id of
/// the invoke request: every span of the job (planning, mini-batches on any silo, scoring, join, finalize) is in that trace.
/// </summary>
public sealed record JobResponse(
    string Name,
    string Endpoint,
    string Deployment,
    int DeploymentVersion,
    string Status,
    IReadOnlyDictionary<string, JobInputResponse> Inputs,
    JobOutputResponse Output,
    JobSettingsResponse Settings,
    JobProgressResponse Progress,
    JobErrorResponse? Error,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? EndedAt,
    string? TraceId = null);
