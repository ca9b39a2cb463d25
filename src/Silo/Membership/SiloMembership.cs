using Microsoft.Extensions.Options;
using OrleansBatch.Grains.Providers;

namespace OrleansBatch.Silo.Membership;

/// <summary>Reads the cluster: every silo's row, with status Dead when its heartbeat is too old.</summary>
public sealed class SiloMembership(IMembershipStore membership, IOptions<SiloMembershipOptions> options, TimeProvider time)
{
    public async Task<IReadOnlyList<SiloInfo>> ListAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var silos = await membership.ListAsync(cancellationToken).ConfigureAwait(false);
        return silos
            .Select(s => now - s.LastHeartbeat > options.Value.DeadAfter ? s with { Status = SiloStatus.Dead } : s)
            .OrderBy(s => s.Id, StringComparer.Ordinal)
            .ToList();
    }
}
