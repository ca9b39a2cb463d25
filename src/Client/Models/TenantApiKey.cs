namespace OrleansBatch.Client.Models;

/// <summary>An API key of a tenant.</summary>
public sealed record TenantApiKey
{
    /// <summary>The key's id, used to revoke it.</summary>
    public string Id { get; init; } = "";

    /// <summary>The tenant the key belongs to.</summary>
    public string Tenant { get; init; } = "";

    /// <summary>What the key may do.</summary>
    public ApiKeyRole Role { get; init; }

    /// <summary>The secret itself. The gateway shows it only in the answer that creates the key and stores only its hash: keep it now.</summary>
    public string? Key { get; init; }

    /// <summary>When the key was created (UTC).</summary>
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>When the key was revoked (UTC), or null while it works.</summary>
    public DateTimeOffset? RevokedAt { get; init; }
}
