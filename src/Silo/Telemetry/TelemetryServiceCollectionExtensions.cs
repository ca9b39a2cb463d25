using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using OrleansBatch.Scoring.Telemetry;

namespace OrleansBatch.Silo.Telemetry;

/// <summary>The one telemetry setup of the platform, used by the gateway (embedded silo or Orleans client) and the silo host.</summary>
public static class TelemetryServiceCollectionExtensions
{
    /// <summary>Orleans' meter (silo and client metrics).</summary>
    public const string OrleansMeterName = "Microsoft.Orleans";

    /// <summary>Orleans' activity sources of grain calls (application grains, and the runtime's own).</summary>
    public static readonly string[] OrleansActivitySources = ["Microsoft.Orleans.Application", "Microsoft.Orleans.Runtime"];

    /// <summary>
    /// OpenTelemetry metrics and tracing over ASP.NET Core, HttpClient, Orleans (<see cref="OrleansMeterName"/>,
    /// <see cref="OrleansActivitySources"/>) and the platform's own meter and source (<see cref="PlatformMetrics"/>,
    /// <see cref="JobTelemetry"/>); a Prometheus exporter that the gateway serves at <c>/metrics</c> (and a silo host at
    /// <c>OBATCH_METRICS_URL</c>); OTLP export of metrics, traces and logs when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is
    /// set; trace and span ids in every log scope. <c>OTEL_SDK_DISABLED=true</c> turns all of it off. Returns the
    /// settings read (also registered as a singleton).
    /// </summary>
    public static TelemetrySettings AddOrleansBatchTelemetry(this IServiceCollection services, IConfiguration configuration, string serviceName)
    {
        var settings = TelemetrySettings.Read(configuration);
        services.TryAddSingleton(settings);
        // Log scopes carry the current trace and span (console and OTLP logs alike), so a log line leads to its trace.
        services.Configure<LoggerFactoryOptions>(o => o.ActivityTrackingOptions |= ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId | ActivityTrackingOptions.ParentId);
        if (!settings.Enabled)
            return settings;

        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(configuration[TelemetrySettings.ServiceNameKey] ?? serviceName, autoGenerateServiceInstanceId: true))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(PlatformMetrics.MeterName, OrleansMeterName)
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    // No cached answer: a scrape (every 15 s or so) sees what happened up to it.
                    .AddPrometheusExporter(o => o.ScrapeResponseCacheDurationMilliseconds = 0);
                if (settings.MetricsListener is { } listener)
                    metrics.AddPrometheusHttpListener(o => (o.Host, o.Port) = listener);
            })
            .WithTracing(tracing => tracing
                .SetSampler(new ParentBasedSampler(new BackgroundRootSampler()))
                .AddSource(JobTelemetry.SourceName)
                .AddSource(OrleansActivitySources)
                // Scrapes and health checks are not worth a trace each.
                .AddAspNetCoreInstrumentation(o => o.Filter = context => !context.Request.Path.StartsWithSegments("/metrics") && !context.Request.Path.StartsWithSegments("/healthz"))
                .AddHttpClientInstrumentation());
        if (settings.ExportsOtlp)
        {
            telemetry.WithLogging(configureBuilder: null, configureOptions: o =>
            {
                o.IncludeScopes = true;
                o.IncludeFormattedMessage = true;
            });
            telemetry.UseOtlpExporter();
        }
        return settings;
    }
}
