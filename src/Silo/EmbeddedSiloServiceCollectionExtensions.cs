using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using OrleansBatch.Grains.Domain;
using OrleansBatch.Grains.Providers;
using OrleansBatch.Scoring;
using OrleansBatch.Silo.Hosting;
using OrleansBatch.Silo.Jobs;
using OrleansBatch.Silo.Limits;
using OrleansBatch.Abstractions;

namespace OrleansBatch.Silo;

/// <summary>
/// The services of a silo inside another process (the gateway): the configured provider, ONNX scoring and what the job
/// grains use. With <c>OBATCH_EMBEDDED_SILO=false</c> the gateway is an Orleans client and keeps only what it needs to
/// serve REST.
/// </summary>
public static class EmbeddedSiloServiceCollectionExtensions
{
    public const string EmbeddedSiloKey = "OBATCH_EMBEDDED_SILO";

    /// <summary>
    /// Adds the provider chosen by configuration (<see cref="SiloProviderServiceCollectionExtensions.AddSiloProvider"/>)
    /// and, unless <c>OBATCH_EMBEDDED_SILO=false</c>, a silo. <paramref name="dataDirectory"/> (the Local provider's
    /// folder) is called when the storage options are first needed, so configuration added late (test hosts) is seen.
    /// Returns whether this process runs a silo.
    /// </summary>
    public static bool AddEmbeddedSilo(this IServiceCollection services, IConfiguration configuration, Func<IServiceProvider, string> dataDirectory)
    {
        services.AddSiloProvider(configuration, dataDirectory);
        var runsSilo = !string.Equals(configuration[EmbeddedSiloKey]?.Trim(), "false", StringComparison.OrdinalIgnoreCase);
        services.AddSiloServices(runsSilo);
        return runsSilo;
    }

    /// <summary>
    /// Storage commands, scoring, jobs, the invoke pipeline (<see cref="JobInvoker"/>, shared by REST and the jobs grain
    /// of Orleans clients) and the tenant quotas (from configuration, <see cref="TenantQuotaOptions"/>); with
    /// <paramref name="runsWork"/> false the job resumer does not run.
    /// </summary>
    public static IServiceCollection AddSiloServices(this IServiceCollection services, bool runsWork = true)
    {
        services.AddRecords();
        services.AddOnnxScoring();
        services.AddJobs(runsWork: runsWork);
        services.AddOptions<TenantQuotaOptions>().Configure<IConfiguration>(TenantQuotaOptions.Bind);
        services.TryAddSingleton<TenantQuotas>();
        services.TryAddSingleton<JobInvoker>();
        services.TryAddSingleton<JobErrorPages>();
        services.TryAddSingleton<ClusterView>();
        return services;
    }
}
