using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using OrleansBatch.Grains.Domain;
using OrleansBatch.Grains.Runtime;
using OrleansBatch.Scoring;
using OrleansBatch.Silo.Hosting;
using OrleansBatch.Silo.Jobs;
using OrleansBatch.Silo.Membership;
using OrleansBatch.Abstractions;

namespace OrleansBatch.Silo;

/// <summary>
/// Hosts a silo inside another process (the gateway): the configured provider, grain runtime, domain
/// grains, ONNX scoring, membership heartbeat, job owners and workers. With <c>OBATCH_EMBEDDED_SILO=false</c>
/// the gateway keeps only what it needs to serve REST (no heartbeat, no owners, no workers).
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

    /// <summary>Grain runtime, domain grains, scoring, membership and jobs; with <paramref name="runsWork"/> false the heartbeat, owners and workers do not run.</summary>
    public static IServiceCollection AddSiloServices(this IServiceCollection services, bool runsWork = true)
    {
        services.AddGrainRuntime();
        services.AddOnnxScoring();
        services.AddSiloMembership(runsWork: runsWork);
        services.AddJobs(runsWork: runsWork);
        return services;
    }

    /// <summary>Membership of this silo: its identity, its heartbeat (when <paramref name="runsWork"/>), and the cluster view.</summary>
    public static IServiceCollection AddSiloMembership(this IServiceCollection services, Action<SiloMembershipOptions>? configure = null, bool runsWork = true)
    {
        var options = services.AddOptions<SiloMembershipOptions>();
        if (configure is not null)
            options.Configure(configure);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SiloIdentity>();
        services.TryAddSingleton<SiloMembership>();
        if (runsWork)
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, SiloHeartbeat>());
        return services;
    }
}
