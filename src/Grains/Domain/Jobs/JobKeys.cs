using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using OrleansBatch.Grains.Providers;
using OrleansBatch.Abstractions;

namespace OrleansBatch.Grains.Domain.Jobs;

/// <summary>Record keys and artifact paths of a job, in one place.</summary>
public static class JobKeys
{
    public const string JobType = "job";
    public const string ResultType = "jobresult";
    public const string LogType = "joblog";
    public const string IdempotencyType = "jobidem";

    /// <summary>Platform-wide index of live jobs (tenant/job), so any silo can find jobs that need an owner.</summary>
    public const string ActiveType = "jobactive";

    public static StateKey Job(string tenant, string job) => new(JobType, tenant, job);

    /// <summary>Result keys sort in mini-batch order.</summary>
    public static StateKey Result(string tenant, string job, int index) => new(ResultType, tenant, $"{job}/{index.ToString("D8", CultureInfo.InvariantCulture)}");

    public static string ResultPrefix(string job) => job + "/";

    public static StateKey Active(string tenant, string job) => new(ActiveType, StateKey.PlatformTenant, $"{tenant}/{job}");

    public static StateKey Idempotency(string tenant, string key) =>
        new(IdempotencyType, tenant, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key))));

    /// <summary>Log entry keys sort by time; the suffix keeps entries from different writers apart.</summary>
    public static StateKey LogEntry(string tenant, string job, DateTimeOffset at, string suffix) =>
        new(LogType, tenant, $"{job}/{at.UtcTicks.ToString("D19", CultureInfo.InvariantCulture)}-{suffix}");

    public static string Folder(string tenant, string job) => $"tenants/{tenant}/jobs/{job}";

    public static string DefaultOutput(string tenant, string job, string fileName) => $"{Folder(tenant, job)}/score/{fileName}";

    public static string SummaryPath(string tenant, string job) => $"{Folder(tenant, job)}/summary.json";

    /// <summary>Each attempt writes its own part; the result record names the winner, so a late duplicate never overwrites what the joiner reads.</summary>
    public static string PartPath(string tenant, string job, int index, string attempt) =>
        $"{Folder(tenant, job)}/parts/{index.ToString("D8", CultureInfo.InvariantCulture)}-{attempt}.part";

    /// <summary>A new job name: time first, so names sort newest last and a descending listing is newest first.</summary>
    public static string NewJobName(DateTimeOffset now) =>
        $"batchjob-{now.UtcDateTime:yyyyMMddHHmmssfff}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3))}";
}
