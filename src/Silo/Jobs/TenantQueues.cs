using OrleansBatch.Grains.Domain.Jobs;
using OrleansBatch.Grains.Providers;
using OrleansBatch.Grains.Domain;
using OrleansBatch.Grains.Runtime;

namespace OrleansBatch.Silo.Jobs;

/// <summary>
/// Fair shares between tenants. Every tenant's mini-batches travel on the tenant's own work queue
/// (<c>&lt;QueueName&gt;-&lt;tenant&gt;</c>), and the workers of a silo visit the queues of the tenants that have
/// live jobs in round-robin order: one rotating cursor for the whole pool, at most one message per visit.
/// So with two tenants busy each gets about half of the workers, whatever their job counts or windows;
/// inside a tenant, each job's window (<c>instance_count x max_concurrency_per_instance</c>) still bounds
/// its share. Which tenants are live comes from the platform-wide active-job index (read again at most
/// every <see cref="JobOptions.SweepInterval"/>) plus tenants this silo just enqueued for, so a new job's
/// first mini-batch needs no index read; a tenant whose jobs ended is visited until its queue is empty, so
/// leftovers of a canceled job are dropped. Only the choice of queue changes: visibility, retries and
/// first-record-wins results are as before.
/// </summary>
public sealed class TenantQueues(IGrainStateStore store, JobOptions options, TimeProvider time)
{
    private readonly Lock _gate = new();
    private string[] _tenants = [];
    private readonly HashSet<string> _announced = new(StringComparer.Ordinal);
    private long _readAt = long.MinValue;
    private int _cursor;

    /// <summary>The work queue of <paramref name="tenant"/>'s mini-batches (tenant names are valid queue-name material).</summary>
    public string QueueOf(string tenant) => $"{options.QueueName}-{tenant}";

    /// <summary>Puts a tenant in the rotation at once (its job is about to enqueue here).</summary>
    public void Announce(string tenant)
    {
        lock (_gate)
        {
            _announced.Add(tenant);
            if (Array.BinarySearch(_tenants, tenant, StringComparer.Ordinal) < 0)
                _tenants = [.. _tenants.Append(tenant).Order(StringComparer.Ordinal)];
        }
    }

    /// <summary>Takes one message from the next tenant's queue in the rotation that has one; null when every live tenant's queue is empty.</summary>
    public async Task<QueueMessage?> TakeAsync(IWorkQueue queue, TimeSpan visibility, CancellationToken cancellationToken)
    {
        var tenants = await LiveTenantsAsync(queue, cancellationToken).ConfigureAwait(false);
        if (tenants.Length == 0)
            return null;
        var start = (uint)Interlocked.Increment(ref _cursor);
        for (var i = 0u; i < tenants.Length; i++)
        {
            var message = await queue.DequeueAsync(QueueOf(tenants[(start + i) % tenants.Length]), visibility, cancellationToken).ConfigureAwait(false);
            if (message is not null)
                return message;
        }
        return null;
    }

    private async Task<string[]> LiveTenantsAsync(IWorkQueue queue, CancellationToken cancellationToken)
    {
        string[] known;
        lock (_gate)
        {
            if (_readAt != long.MinValue && time.GetElapsedTime(_readAt) < options.SweepInterval)
                return _tenants;
            known = _tenants;
            // One reader at a time: the others keep using the current list meanwhile.
            _readAt = time.GetTimestamp();
            _announced.Clear();
        }
        var live = new SortedSet<string>(StringComparer.Ordinal);
        string? continuation = null;
        do
        {
            var page = await store.QueryAsync(new GrainQuery(JobKeys.ActiveType, StateKey.PlatformTenant, "", 500, continuation), cancellationToken).ConfigureAwait(false);
            foreach (var record in page.Items)
                live.Add(GrainRuntime.Deserialize<ActiveJob>(record).Tenant);
            continuation = page.Continuation;
        } while (continuation is not null);
        // A tenant whose jobs ended (canceled, failed) stays until its leftover messages are drained: workers drop them.
        foreach (var tenant in known.Where(t => !live.Contains(t)))
            if (await queue.CountAsync(QueueOf(tenant), cancellationToken).ConfigureAwait(false) > 0)
                live.Add(tenant);
        lock (_gate)
        {
            // Tenants announced while the index was read may not be in it yet.
            live.UnionWith(_announced);
            _tenants = [.. live];
            return _tenants;
        }
    }
}
