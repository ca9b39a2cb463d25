namespace OrleansBatch.Api.Contracts;

/// <summary>A silo of the cluster; <c>status</c> is <c>Active</c>, <c>ShuttingDown</c> or <c>Dead</c> (heartbeat too old).</summary>
public sealed record SiloResponse(string Id, string Address, string Status, DateTimeOffset StartedAt, DateTimeOffset LastHeartbeat, int ActiveMiniBatches);
