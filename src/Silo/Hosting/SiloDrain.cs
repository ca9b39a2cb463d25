using Microsoft.Extensions.Hosting;
using OrleansBatch.Grains.Providers;
using OrleansBatch.Silo.Membership;

namespace OrleansBatch.Silo.Hosting;

/// <summary>
/// Registered last, so it stops first (on SIGTERM): marks the silo ShuttingDown in the membership table
/// before the workers and job owners stop. Workers then take no new mini-batch and hand back the ones in
/// flight (visible again at once); owners release their job leases, so other silos resume the jobs.
/// </summary>
public sealed class SiloDrain(IMembershipStore membership, SiloIdentity identity, TimeProvider time) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        identity.ShuttingDown = true;
        try
        {
            await membership.UpsertAsync(new SiloInfo(identity.Id, identity.Address, SiloStatus.ShuttingDown, identity.StartedAt, time.GetUtcNow(), identity.ActiveMiniBatches), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The heartbeat's last write says ShuttingDown too; a missed one here only delays what readers see.
        }
    }
}
