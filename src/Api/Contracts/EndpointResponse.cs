namespace OrleansBatch.Api.Contracts;

/// <summary>An endpoint; <c>scoring_uri</c> is the URL that invokes it (<c>POST</c> starts a job).</summary>
public sealed record EndpointResponse(
    string Name,
    string? Description,
    IReadOnlyDictionary<string, string> Tags,
    string AuthMode,
    EndpointDefaults Defaults,
    IReadOnlyList<string> Deployments,
    string ScoringUri,
    long Version,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
