using Orleans;
using Orleans.Runtime;
using OrleansBatch.Silo.Workers;

namespace OrleansBatch.Silo.Hosting;

/// <summary>
/// The silos of the cluster as Orleans' membership table knows them (alive, shutting down and dead), each with the
/// mini-batches placed on it now (its <see cref="MiniBatchGrain"/> activations: waiting for a slot or scoring).
/// </summary>
public sealed class ClusterView(IGrainFactory grains)
{
    public async Task<IReadOnlyList<ClusterSilo>> ListAsync()
    {
        var management = grains.GetGrain<IManagementGrain>(0);
        var hosts = await management.GetDetailedHosts(onlyActive: false).ConfigureAwait(false);
        var active = hosts.Where(h => h.Status == SiloStatus.Active).Select(h => h.SiloAddress).ToArray();
        var statistics = active.Length == 0 ? [] : await management.GetSimpleGrainStatistics(active).ConfigureAwait(false);
        var miniBatchGrain = typeof(MiniBatchGrain).FullName!;
        return hosts
            .OrderBy(h => h.SiloAddress.ToString(), StringComparer.Ordinal)
            .Select(h => new ClusterSilo(
                h.SiloName,
                h.SiloAddress.ToParsableString(),
                h.Status switch { SiloStatus.Active => "Active", SiloStatus.ShuttingDown or SiloStatus.Stopping => "ShuttingDown", SiloStatus.Dead => "Dead", _ => h.Status.ToString() },
                h.StartTime,
                h.IAmAliveTime,
                statistics.Where(s => s.SiloAddress.Equals(h.SiloAddress) && s.GrainType.Contains(miniBatchGrain, StringComparison.Ordinal)).Sum(s => s.ActivationCount)))
            .ToList();
    }
}

/// <summary>A silo of the cluster: its name, address, status, start, last liveness report and mini-batches placed on it.</summary>
public sealed record ClusterSilo(string Name, string Address, string Status, DateTimeOffset StartedAt, DateTimeOffset LastHeartbeat, int ActiveMiniBatches);
