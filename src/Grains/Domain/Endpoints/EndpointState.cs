namespace OrleansBatch.Grains.Domain.Endpoints;

/// <summary>State of an endpoint grain: what <c>endpoint.yml</c> says, plus its deployments (names) and default.</summary>
public sealed record EndpointState(
    string Name,
    string? Description,
    IReadOnlyDictionary<string, string> Tags,
    string AuthMode,
    string? DefaultDeployment,
    IReadOnlyList<string> Deployments,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
