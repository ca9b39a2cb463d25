using Microsoft.Extensions.Options;
using OrleansBatch.Abstractions;
using OrleansBatch.Grains.Domain.Jobs;
using OrleansBatch.Grains.Providers;

namespace OrleansBatch.Silo.Limits;

/// <summary>
/// Per-tenant quotas: bytes stored (uploads, models, outputs: everything under the tenant's prefix) and live jobs
/// (queued or running). Each refusal says the limit and the setting that raises it. Checked before the work and,
/// for storage, again as an upload streams in; concurrent requests may pass a limit by what they carry at once.
/// Here in the silo's services, so an invoke from REST and one from an Orleans client meet the same limits.
/// </summary>
public sealed class TenantQuotas(IArtifactStore artifacts, Records records, IOptions<TenantQuotaOptions> options)
{
    private TenantQuotaOptions Options => options.Value;

    /// <summary>Bytes the tenant stores now.</summary>
    public async Task<long> StoredBytesAsync(string tenant, CancellationToken cancellationToken)
    {
        long total = 0;
        await foreach (var file in artifacts.ListAsync($"tenants/{tenant}/", cancellationToken).ConfigureAwait(false))
            total += file.Length;
        return total;
    }

    /// <summary>413 <c>QuotaExceeded</c> when <paramref name="storedBytes"/> plus <paramref name="adding"/> passes the tenant's storage quota.</summary>
    public void RequireStorage(long storedBytes, long adding)
    {
        var limit = Options.TenantMaxStorageBytes;
        if (storedBytes + adding > limit)
            throw new DomainException(413, "QuotaExceeded",
                $"This would store more than the tenant's quota of {limit >> 20} MB ({storedBytes >> 20} MB stored now). Delete uploads "
                + $"(DELETE /v1/uploads/{{id}}) or model versions you no longer need, or ask the operator to raise {TenantQuotaOptions.TenantMaxStorageMegabytesKey}.");
    }

    /// <summary>429 <c>QuotaExceeded</c> when the tenant already has as many live (queued or running) jobs as allowed.</summary>
    public async Task RequireJobSlotAsync(string tenant, CancellationToken cancellationToken)
    {
        var limit = Options.TenantMaxLiveJobs;
        var page = await records.Store.QueryAsync(new GrainQuery(JobKeys.ActiveType, StateKey.PlatformTenant, tenant + "/", Math.Min(limit + 1, GrainQuery.MaxTop)), cancellationToken).ConfigureAwait(false);
        if (page.Items.Count >= limit)
            throw new DomainException(429, "QuotaExceeded",
                $"The tenant has {limit} live jobs, its limit: wait until some end (or cancel some), or ask the operator to raise {TenantQuotaOptions.TenantMaxLiveJobsKey}.");
    }
}
