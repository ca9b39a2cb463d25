using OrleansBatch.Abstractions;
namespace OrleansBatch.Grains.Providers;

/// <summary>Cluster membership: each silo writes its own row (heartbeat); anyone may read all.</summary>
public interface IMembershipStore
{
    Task UpsertAsync(SiloInfo silo, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<SiloInfo>> ListAsync(CancellationToken cancellationToken = default);
}

/// <summary>Status of a silo as it reports itself; a silo whose heartbeat is too old is reported Dead by readers.</summary>
public enum SiloStatus { Active, ShuttingDown, Dead }

/// <summary>A silo's membership row.</summary>
public sealed record SiloInfo(string Id, string Address, SiloStatus Status, DateTimeOffset StartedAt, DateTimeOffset LastHeartbeat, int ActiveMiniBatches);
