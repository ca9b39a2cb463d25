using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OrleansBatch.Grains.Domain.Jobs;
using OrleansBatch.Grains.Domain.Tenants;
using OrleansBatch.Grains.Providers;

namespace OrleansBatch.Silo.Jobs;

/// <summary>
/// Gives job records stored before the job list index existed their list fields (<see cref="JobListIndex"/>), once per
/// store, so an upgraded platform's filtered lists still show every earlier job. A job written since carries its fields
/// already; a record that changes while this runs is left to that write (the rewrite is conditional on its etag).
/// Every silo may run it at once: the writes are conditional and the last step marks the store as done.
/// </summary>
public sealed class JobListIndexBackfill(IGrainStateStore store, ILogger<JobListIndexBackfill> logger) : BackgroundService
{
    /// <summary>Written when the backfill has run on this store.</summary>
    public static readonly StateKey DoneMarker = new("jobindex", StateKey.PlatformTenant, "backfilled");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Off the host's start: the store may answer synchronously, and a large store takes a while.
        await Task.Yield();
        try
        {
            var indexed = await RunAsync(stoppingToken).ConfigureAwait(false);
            if (indexed > 0)
                JobLogMessages.ListIndexBackfilled(logger, indexed);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            JobLogMessages.ListIndexBackfillFailed(logger, e);
        }
    }

    /// <summary>Indexes every job record that has no list fields yet; returns how many it indexed (0 once done).</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken = default)
    {
        if (await store.ReadAsync(DoneMarker, cancellationToken).ConfigureAwait(false) is not null)
            return 0;
        var indexed = 0;
        await foreach (var tenant in RecordsAsync(new GrainQuery(TenantGrain.GrainType, StateKey.PlatformTenant, Top: GrainQuery.MaxTop), cancellationToken).ConfigureAwait(false))
            indexed += await IndexTenantAsync(tenant.Id.Key, cancellationToken).ConfigureAwait(false);
        try
        {
            await store.WriteAsync(DoneMarker, "{}", 1, null, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (ConcurrencyConflictException)
        {
            // Another silo finished first.
        }
        return indexed;
    }

    private async Task<int> IndexTenantAsync(string tenant, CancellationToken cancellationToken)
    {
        // Every job has a status, so a job found under none of them has no fields.
        var withFields = new HashSet<string>(StringComparer.Ordinal);
        foreach (var status in Enum.GetValues<JobStatus>())
        {
            var query = new GrainQuery(JobKeys.JobType, tenant, Top: GrainQuery.MaxTop, Where: JobListIndex.Where(null, null, status));
            await foreach (var record in RecordsAsync(query, cancellationToken).ConfigureAwait(false))
                withFields.Add(record.Id.Key);
        }
        var indexed = 0;
        await foreach (var record in RecordsAsync(new GrainQuery(JobKeys.JobType, tenant, Top: GrainQuery.MaxTop), cancellationToken).ConfigureAwait(false))
        {
            if (withFields.Contains(record.Id.Key))
                continue;
            try
            {
                var job = Records.Deserialize<JobState>(record);
                await store.WriteAsync(record.Id, record.Json, record.Version, record.ETag, job.QueryFields(), cancellationToken).ConfigureAwait(false);
                indexed++;
            }
            catch (ConcurrencyConflictException)
            {
                // Written meanwhile, with its fields.
            }
        }
        return indexed;
    }

    private async IAsyncEnumerable<GrainStateRecord> RecordsAsync(GrainQuery query, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        for (string? continuation = null; ;)
        {
            var page = await store.QueryAsync(query with { Continuation = continuation }, cancellationToken).ConfigureAwait(false);
            foreach (var record in page.Items)
                yield return record;
            if ((continuation = page.Continuation) is null)
                yield break;
        }
    }
}
