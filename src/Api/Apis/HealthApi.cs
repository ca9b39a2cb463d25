using OrleansBatch.Abstractions;
using OrleansBatch.Api.Metrics;

namespace OrleansBatch.Api.Apis;

/// <summary><c>GET /healthz</c> (liveness) and <c>GET /metrics</c> (Prometheus text); no authentication.</summary>
public static class HealthApi
{
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", () => TypedResults.Text("ok")).WithName("Health").WithTags("Operations").AllowAnonymous();
        app.MapGet("/metrics", async (GatewayMetrics metrics, CancellationToken cancellationToken) =>
                TypedResults.Text(await metrics.RenderAsync(cancellationToken), "text/plain; version=0.0.4; charset=utf-8"))
            .WithName("Metrics").WithTags("Operations").AllowAnonymous();
        return app;
    }
}
