using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OrleansBatch.Grains.Domain.Jobs;
using OrleansBatch.Grains.Providers;
using OrleansBatch.Grains.Domain;
using OrleansBatch.Grains.Runtime;

namespace OrleansBatch.Silo.Jobs;

/// <summary>
/// Finds live jobs without an owner (the platform-wide active-job index) and owns them: takes the job's
/// lease, renews it every third of its lifetime and runs the <see cref="JobOrchestrator"/> while it holds it.
/// A lost lease stops the orchestrator at once; a dead silo's leases lapse and another silo's sweep resumes its jobs.
/// </summary>
public sealed class JobOwnerService(
    IGrainStateStore store, ILeaseStore leases, JobOrchestrator orchestrator, JobSignals signals, JobOptions options, ILogger<JobOwnerService> logger)
    : BackgroundService
{
    private readonly ConcurrentDictionary<string, Task> _owned = new(StringComparer.Ordinal);

    /// <summary>Jobs this silo owns right now (for metrics and tests).</summary>
    public int OwnedJobs => _owned.Count;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await SweepAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                JobLogMessages.SweepFailed(logger, e);
            }
            try
            {
                await signals.WaitAsync(JobSignals.NewJobs, options.SweepInterval, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
        await Task.WhenAll(_owned.Values).ConfigureAwait(false);
    }

    private async Task SweepAsync(CancellationToken stoppingToken)
    {
        string? continuation = null;
        do
        {
            var page = await store.QueryAsync(new GrainQuery(JobKeys.ActiveType, StateKey.PlatformTenant, "", 500, continuation), stoppingToken).ConfigureAwait(false);
            foreach (var record in page.Items)
            {
                if (_owned.ContainsKey(record.Id.Key))
                    continue;
                var active = GrainRuntime.Deserialize<ActiveJob>(record);
                var lease = await leases.TryAcquireAsync(JobKeys.LeaseName(active.Tenant, active.Job), options.SiloId, options.LeaseTtl, stoppingToken).ConfigureAwait(false);
                if (lease is null)
                    continue;
                var key = record.Id.Key;
                var owning = new TaskCompletionSource();
                if (_owned.TryAdd(key, owning.Task))
                    _ = OwnAsync(key, active, lease, owning, stoppingToken);
                else
                    await leases.ReleaseAsync(lease, CancellationToken.None).ConfigureAwait(false);
            }
            continuation = page.Continuation;
        } while (continuation is not null);
    }

    private async Task OwnAsync(string key, ActiveJob active, Lease lease, TaskCompletionSource owning, CancellationToken stoppingToken)
    {
        await Task.Yield();
        using var held = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var renewing = RenewAsync(lease, active, held);
        try
        {
            JobLogMessages.Owning(logger, options.SiloId, active.Tenant, active.Job);
            await orchestrator.RunAsync(active.Tenant, active.Job, lease.Token, held.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (held.IsCancellationRequested)
        {
        }
        catch (JobOwnershipLostException)
        {
            JobLogMessages.LeaseLost(logger, options.SiloId, active.Tenant, active.Job);
        }
        catch (Exception e)
        {
            JobLogMessages.OwnerFailed(logger, e, active.Tenant, active.Job);
        }
        finally
        {
            await held.CancelAsync().ConfigureAwait(false);
            var current = await renewing.ConfigureAwait(false);
            if (current is not null)
                await leases.ReleaseAsync(current, CancellationToken.None).ConfigureAwait(false);
            _owned.TryRemove(key, out _);
            owning.TrySetResult();
        }
    }

    /// <summary>Renews until <paramref name="held"/> is canceled; cancels it when the lease is lost. Returns the lease still held, or null.</summary>
    private async Task<Lease?> RenewAsync(Lease lease, ActiveJob active, CancellationTokenSource held)
    {
        var current = lease;
        try
        {
            while (true)
            {
                await Task.Delay(options.LeaseTtl / 3, held.Token).ConfigureAwait(false);
                Lease? renewed;
                try
                {
                    renewed = await leases.RenewAsync(current, options.LeaseTtl, held.Token).ConfigureAwait(false);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // A busy store is not a lost lease: try again at the next tick (the lease outlives two of them).
                    JobLogMessages.OwnerFailed(logger, e, active.Tenant, active.Job);
                    continue;
                }
                if (renewed is null)
                {
                    JobLogMessages.LeaseLost(logger, options.SiloId, active.Tenant, active.Job);
                    await held.CancelAsync().ConfigureAwait(false);
                    return null;
                }
                current = renewed;
            }
        }
        catch (OperationCanceledException)
        {
            return current;
        }
    }
}
