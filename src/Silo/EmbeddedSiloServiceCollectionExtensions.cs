using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using OrleansBatch.Grains.Domain;
using OrleansBatch.Grains.Runtime;
using OrleansBatch.Scoring;
using OrleansBatch.Silo.Jobs;
using OrleansBatch.Silo.Membership;
using OrleansBatch.Storage.Local;

namespace OrleansBatch.Silo;

/// <summary>Hosts a silo inside another process (the gateway's embedded default): Local provider, grain runtime, domain grains, ONNX scoring, membership heartbeat.</summary>
public static class EmbeddedSiloServiceCollectionExtensions
{
    /// <summary>
    /// Adds a silo using the Local provider. <paramref name="dataDirectory"/> is called when the storage
    /// options are first needed, so configuration added late (test hosts) is seen.
    /// </summary>
    public static IServiceCollection AddEmbeddedSilo(this IServiceCollection services, Func<IServiceProvider, string> dataDirectory)
    {
        services.AddLocalStorage(_ => { });
        services.AddOptions<LocalStorageOptions>().Configure<IServiceProvider>((o, sp) => o.DataDirectory = dataDirectory(sp));
        services.AddGrainRuntime();
        services.AddDomainGrains();
        services.AddOnnxScoring();
        services.AddSiloMembership();
        services.AddJobs();
        return services;
    }

    /// <summary>Membership of this silo: its identity, its heartbeat, and the cluster view.</summary>
    public static IServiceCollection AddSiloMembership(this IServiceCollection services, Action<SiloMembershipOptions>? configure = null)
    {
        var options = services.AddOptions<SiloMembershipOptions>();
        if (configure is not null)
            options.Configure(configure);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SiloIdentity>();
        services.TryAddSingleton<SiloMembership>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, SiloHeartbeat>());
        return services;
    }
}
