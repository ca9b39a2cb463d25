namespace OrleansBatch.Api.Contracts;

/// <summary>Body of <c>GET /v1/cluster</c>.</summary>
public sealed record ClusterResponse(IReadOnlyList<SiloResponse> Value);
