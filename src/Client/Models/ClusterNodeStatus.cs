using System.Text.Json.Serialization;

namespace OrleansBatch.Client.Models;

/// <summary>The state of a silo in the cluster.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ClusterNodeStatus>))]
public enum ClusterNodeStatus
{
    /// <summary>Heart-beating and taking work.</summary>
    Active,

    /// <summary>Finishing its work and taking no more.</summary>
    ShuttingDown,

    /// <summary>Missed its heartbeats; its work is being taken over.</summary>
    Dead,
}
