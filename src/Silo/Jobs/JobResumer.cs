using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans;
using Orleans.Runtime;
using OrleansBatch.Abstractions;
using OrleansBatch.Abstractions.Jobs;
using OrleansBatch.Grains.Domain;
using OrleansBatch.Grains.Domain.Jobs;
using OrleansBatch.Grains.Providers;

namespace OrleansBatch.Silo.Jobs;

/// <summary>
/// Brings live jobs back without waiting for their reminders: when this silo has started (a restart of the embedded
/// default resumes its jobs at once) and whenever membership says a silo left the cluster (killed, or shut down), it
/// calls every live job's grain, which activates it on a silo that is alive. Starting a job that runs is a no-op, so
/// every silo doing this at once is harmless.
/// </summary>
public sealed class JobResumer(IGrainStateStore store, IGrainFactory grains, IClusterMembershipService membership, IHostApplicationLifetime lifetime, ILogger<JobResumer> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(Timeout.Infinite, lifetime.ApplicationStarted).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (lifetime.ApplicationStarted.IsCancellationRequested)
        {
        }
        var known = membership.CurrentSnapshot;
        await ResumeAllAsync(stoppingToken).ConfigureAwait(false);
        try
        {
            await foreach (var snapshot in membership.MembershipUpdates.WithCancellation(stoppingToken).ConfigureAwait(false))
            {
                var left = known.Members.Keys.Any(s => known.GetSiloStatus(s) == SiloStatus.Active && snapshot.GetSiloStatus(s) != SiloStatus.Active);
                known = snapshot;
                if (left)
                    await ResumeAllAsync(stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task ResumeAllAsync(CancellationToken stoppingToken)
    {
        try
        {
            string? continuation = null;
            do
            {
                var page = await store.QueryAsync(new GrainQuery(JobKeys.ActiveType, StateKey.PlatformTenant, "", GrainQuery.MaxTop, continuation), stoppingToken).ConfigureAwait(false);
                foreach (var active in page.Items.Select(Records.Deserialize<ActiveJob>))
                {
                    TenantContext.Set(active.Tenant);
                    await grains.GetGrain<IJobGrain>(GrainKeys.Of(active.Tenant, active.Job)).StartAsync().ConfigureAwait(false);
                }
                continuation = page.Continuation;
            } while (continuation is not null);
        }
        catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            // The reminders still bring every job back within their period.
            JobLogMessages.ResumeFailed(logger, e);
        }
    }
}
