namespace OrleansBatch.Api.Contracts;

/// <summary>A model or data asset in <c>GET /v1/models</c> or <c>GET /v1/data</c>.</summary>
public sealed record AssetSummaryResponse(string Name, int LatestVersion, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);
