using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OrleansBatch.Silo.Inputs;
using OrleansBatch.Silo.Outputs;
using OrleansBatch.Silo.Workers;

namespace OrleansBatch.Silo.Jobs;

/// <summary>Registers batch jobs in a silo: job owners, the mini-batch worker pool and the gateway-side job calls.</summary>
public static class JobsServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="JobService"/>, <see cref="JobInputResolver"/>, what the job and mini-batch grains use
    /// (<see cref="JobOrchestrator"/>, <see cref="MiniBatchScheduler"/>) and the <see cref="JobResumer"/>. Needs the
    /// providers and ONNX scoring (<c>AddOnnxScoring</c>). With <paramref name="runsWork"/> false (a gateway that is an
    /// Orleans client) the resumer does not run: the silos run the jobs. The <see cref="JobListIndexBackfill"/> runs once per store.
    /// </summary>
    public static IServiceCollection AddJobs(this IServiceCollection services, Action<JobOptions>? configure = null, bool runsWork = true)
    {
        var options = services.AddOptions<JobOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<JobOptions>, JobOptionsValidator>());
        if (configure is not null)
            options.Configure(configure);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<JobOptions>>().Value);
        services.TryAddSingleton<JobSignals>();
        services.TryAddSingleton<MiniBatchInbox>();
        services.TryAddSingleton<JobLog>();
        services.TryAddSingleton<JobService>();
        services.TryAddSingleton(sp =>
        {
            var jobs = sp.GetRequiredService<JobOptions>();
            return new DataRoots(jobs.DataRoots, jobs.DataDirectory);
        });
        services.TryAddSingleton<JobInputResolver>();
        services.TryAddSingleton<JobOrchestrator>();
        services.TryAddSingleton<MiniBatchRunner>();
        services.TryAddSingleton<MiniBatchScheduler>();
        services.TryAddSingleton(_ => new ScoringThreads());
        services.TryAddSingleton<SliceFiles>();
        services.TryAddSingleton<TabularInputCheck>();
        services.TryAddSingleton<ModelFiles>();
        services.TryAddSingleton<BlobInputs>();
        services.TryAddSingleton<OutputStores>();
        if (!runsWork)
            return services;
        services.AddHostedService<JobResumer>();
        services.AddHostedService<JobListIndexBackfill>();
        return services;
    }
}
