using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OrleansBatch.Silo.Jobs;
using OrleansBatch.Silo.Telemetry;

namespace OrleansBatch.Silo.Hosting;

/// <summary>The silo process: provider from configuration, Orleans, scoring, job owners and mini-batch workers.</summary>
public static class SiloHostBuilderExtensions
{
    /// <summary>
    /// Adds everything a silo runs. Settings: <c>OBATCH_PROVIDER</c> and its keys (<see cref="SiloProviderOptions"/>),
    /// <c>OBATCH_DATA_ROOTS</c>, section <c>Jobs</c> (<see cref="JobOptions"/>, e.g. <c>Jobs__Workers</c>), telemetry
    /// (<see cref="TelemetrySettings"/>: <c>/metrics</c> at <c>OBATCH_METRICS_URL</c>, OTLP). Throws <see cref="InvalidOperationException"/>
    /// for a bad setting.
    /// </summary>
    public static HostApplicationBuilder AddSilo(this HostApplicationBuilder builder)
    {
        var services = builder.Services;
        var provider = services.AddSiloProvider(builder.Configuration);
        services.AddOptions<JobOptions>().BindConfiguration(JobOptions.SectionName).Configure(o =>
        {
            o.DataRoots = provider.DataRoots.ToList();
            o.DataDirectory = provider.DataDirectory;
        });
        services.AddSiloServices(runsWork: true);
        services.AddOrleansBatchTelemetry(builder.Configuration, "orleans-batch-silo");
        builder.UseOrleans(silo => silo.UseOrleansBatch(provider, builder.Configuration));
        services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(20));
        return builder;
    }
}
