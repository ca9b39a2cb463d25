using OrleansBatch.Silo.Telemetry;

namespace OrleansBatch.Api.Apis;

/// <summary><c>GET /healthz</c> (liveness) and <c>GET /metrics</c> (Prometheus text, by OpenTelemetry's exporter); no authentication.</summary>
public static class HealthApi
{
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", () => TypedResults.Text("ok")).WithName("Health").WithTags("Operations").AllowAnonymous();
        // Off with OTEL_SDK_DISABLED=true: then there is no exporter to serve, and /metrics answers 404.
        if (app.ServiceProvider.GetRequiredService<TelemetrySettings>().Enabled)
            app.MapPrometheusScrapingEndpoint("/metrics").WithName("Metrics").WithTags("Operations").AllowAnonymous();
        return app;
    }
}
