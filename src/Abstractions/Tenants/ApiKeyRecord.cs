using System.Text.Json.Serialization;

namespace OrleansBatch.Abstractions.Tenants;

/// <summary>A tenant API key as stored: only the SHA-256 of the key, never the key itself.</summary>
[GenerateSerializer, Immutable, Alias("obatch.ApiKeyRecord")]
public sealed record ApiKeyRecord(string Id, TenantRole Role, string Hash, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt = null)
{
    [JsonIgnore]
    public bool IsActive => RevokedAt is null;
}
