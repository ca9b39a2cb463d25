namespace OrleansBatch.Client.Models;

/// <summary>A tenant: the unit of isolation that owns models, data, endpoints and jobs.</summary>
public sealed record BatchTenant : BatchResource
{
    /// <summary>The tenant's name (lower-case).</summary>
    public string Name { get; init; } = "";

    /// <summary>The resource version: 1 at creation, +1 per change (e.g. a key issued or revoked).</summary>
    public long Version { get; init; }

    /// <summary>When the tenant was created (UTC).</summary>
    public DateTimeOffset? CreatedAt { get; init; }
}
