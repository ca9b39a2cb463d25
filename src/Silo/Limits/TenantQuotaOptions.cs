using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace OrleansBatch.Silo.Limits;

/// <summary>
/// Per-tenant quotas, read from configuration by every process that serves tenants (gateway and silo):
/// <c>OBATCH_TENANT_MAX_STORAGE_MB</c> (default 10240) and <c>OBATCH_TENANT_MAX_LIVE_JOBS</c> (default 100).
/// </summary>
public sealed class TenantQuotaOptions
{
    public const string TenantMaxStorageMegabytesKey = "OBATCH_TENANT_MAX_STORAGE_MB";
    public const string TenantMaxLiveJobsKey = "OBATCH_TENANT_MAX_LIVE_JOBS";

    /// <summary>Bytes a tenant may store (uploads, models, job outputs).</summary>
    public long TenantMaxStorageBytes { get; set; } = 10L << 30;

    /// <summary>Jobs a tenant may have queued or running at once.</summary>
    public int TenantMaxLiveJobs { get; set; } = 100;

    /// <summary>Reads the quotas from configuration; an absent or unreadable value keeps the default.</summary>
    public static void Bind(TenantQuotaOptions options, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(configuration);
        if (long.TryParse(configuration[TenantMaxStorageMegabytesKey], NumberStyles.None, CultureInfo.InvariantCulture, out var storageMb))
            options.TenantMaxStorageBytes = storageMb << 20;
        if (int.TryParse(configuration[TenantMaxLiveJobsKey], NumberStyles.None, CultureInfo.InvariantCulture, out var liveJobs) && liveJobs > 0)
            options.TenantMaxLiveJobs = liveJobs;
    }
}
