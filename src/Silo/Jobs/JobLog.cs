using System.Security.Cryptography;
using OrleansBatch.Grains.Domain.Jobs;
using OrleansBatch.Grains.Providers;
using OrleansBatch.Grains.Domain;

namespace OrleansBatch.Silo.Jobs;

/// <summary>
/// A job's plain-text log. Every silo that works on the job appends entries (one record each, keys
/// sorting by time), so no writer waits for another; readers get them in time order.
/// </summary>
public sealed class JobLog(IGrainStateStore store, TimeProvider time)
{
    public async Task WriteAsync(string tenant, string job, string level, string source, string message, CancellationToken cancellationToken = default)
    {
        var entry = new JobLogEntry(time.GetUtcNow(), level, source, message);
        var id = JobKeys.LogEntry(tenant, job, entry.At, Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4)));
        await store.WriteAsync(id, System.Text.Json.JsonSerializer.Serialize(entry, Records.Json), 1, null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>All entries, in time order.</summary>
    public async IAsyncEnumerable<JobLogEntry> ReadAsync(string tenant, string job, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        string? continuation = null;
        do
        {
            var page = await store.QueryAsync(new GrainQuery(JobKeys.LogType, tenant, JobKeys.ResultPrefix(job), 500, continuation), cancellationToken).ConfigureAwait(false);
            foreach (var record in page.Items)
                yield return Records.Deserialize<JobLogEntry>(record);
            continuation = page.Continuation;
        } while (continuation is not null);
    }
}
