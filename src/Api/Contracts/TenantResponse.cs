namespace OrleansBatch.Api.Contracts;

/// <summary>A tenant.</summary>
public sealed record TenantResponse(string Name, long Version, DateTimeOffset CreatedAt);
