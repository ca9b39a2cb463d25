namespace OrleansBatch.Client.Models;

/// <summary>One silo of the cluster.</summary>
public sealed record ClusterNode
{
    /// <summary>The silo's id.</summary>
    public string Id { get; init; } = "";

    /// <summary>The address it is reached at.</summary>
    public string? Address { get; init; }

    /// <summary>Its state.</summary>
    public ClusterNodeStatus Status { get; init; }

    /// <summary>When it started (UTC).</summary>
    public DateTimeOffset? StartedAt { get; init; }

    /// <summary>When it last sent a heartbeat (UTC).</summary>
    public DateTimeOffset? LastHeartbeat { get; init; }

    /// <summary>How many mini-batches it is scoring now.</summary>
    public int ActiveMiniBatches { get; init; }
}
