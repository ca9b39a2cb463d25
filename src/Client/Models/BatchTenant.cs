namespace OrleansBatch.Client.Models;

/// <summary>A tenant: the unit of isolation that owns models, data, endpoints and jobs.</summary>
public sealed record BatchTenant
{
    /// <summary>The tenant's name (lower-case).</summary>
    public string Name { get; init; } = "";

    /// <summary>When the tenant was created, if the gateway says.</summary>
    public DateTimeOffset? CreatedAt { get; init; }
}
