namespace OrleansBatch.Abstractions.Tenants;

/// <summary>State of a tenant grain (kept under the platform tenant): its name and API keys.</summary>
[GenerateSerializer, Immutable, Alias("obatch.TenantState")]
public sealed record TenantState(string Name, DateTimeOffset CreatedAt, IReadOnlyList<ApiKeyRecord> Keys);
