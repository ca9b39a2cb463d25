using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OrleansBatch.Silo.Inputs;
using OrleansBatch.Silo.Membership;
using OrleansBatch.Silo.Outputs;
using OrleansBatch.Silo.Workers;

namespace OrleansBatch.Silo.Jobs;

/// <summary>Registers batch jobs in a silo: job owners, the mini-batch worker pool and the gateway-side job calls.</summary>
public static class JobsServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="JobService"/>, <see cref="JobInputResolver"/>, the <see cref="JobOwnerService"/> and the
    /// <see cref="MiniBatchWorkerService"/>. Needs the grain runtime, the providers and ONNX scoring (<c>AddOnnxScoring</c>).
    /// With <paramref name="runsWork"/> false (a gateway without a silo of its own) the owners and workers are
    /// registered but not started: jobs are created here and picked up by the silos through storage.
    /// </summary>
    public static IServiceCollection AddJobs(this IServiceCollection services, Action<JobOptions>? configure = null, bool runsWork = true)
    {
        services.TryAddSingleton<SiloIdentity>();
        var options = services.AddOptions<JobOptions>().Configure<SiloIdentity>((o, silo) => o.SiloId = silo.Id).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<JobOptions>, JobOptionsValidator>());
        if (configure is not null)
            options.Configure(configure);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<JobOptions>>().Value);
        services.TryAddSingleton<JobSignals>();
        services.TryAddSingleton<JobLog>();
        services.TryAddSingleton<JobService>();
        services.TryAddSingleton<JobInputResolver>();
        services.TryAddSingleton<TenantQueues>();
        services.TryAddSingleton<JobOrchestrator>();
        services.TryAddSingleton<JobOwnerService>();
        services.TryAddSingleton<MiniBatchWorkerService>();
        services.TryAddSingleton(_ => new ScoringThreads());
        services.TryAddSingleton<SliceFiles>();
        services.TryAddSingleton<TabularInputCheck>();
        services.TryAddSingleton<ModelFiles>();
        services.TryAddSingleton<BlobInputs>();
        services.TryAddSingleton<OutputStores>();
        if (!runsWork)
            return services;
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<JobOwnerService>());
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<MiniBatchWorkerService>());
        return services;
    }
}
