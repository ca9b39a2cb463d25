namespace OrleansBatch.Abstractions.Endpoints;

/// <summary>State of an endpoint grain: what <c>endpoint.yml</c> says, plus its deployments (names) and default.</summary>
[GenerateSerializer, Immutable, Alias("obatch.EndpointState")]
public sealed record EndpointState(
    string Name,
    string? Description,
    IReadOnlyDictionary<string, string> Tags,
    string AuthMode,
    string? DefaultDeployment,
    IReadOnlyList<string> Deployments,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
