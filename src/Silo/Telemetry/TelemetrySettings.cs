using Microsoft.Extensions.Configuration;

namespace OrleansBatch.Silo.Telemetry;

/// <summary>
/// The telemetry settings of a gateway or silo process, read from configuration (environment variables): the standard
/// OpenTelemetry ones, and <c>OBATCH_METRICS_URL</c> for a process without a web server of its own (a silo host).
/// </summary>
/// <param name="Enabled">False when <c>OTEL_SDK_DISABLED=true</c>: no metrics, no traces, no <c>/metrics</c>.</param>
/// <param name="ExportsOtlp">Whether <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set: metrics, traces and logs then go there too.</param>
/// <param name="MetricsListener">Host and port where a silo host serves <c>/metrics</c> (<c>OBATCH_METRICS_URL</c>, e.g. <c>http://*:9464/</c>); null when not set.</param>
public sealed record TelemetrySettings(bool Enabled, bool ExportsOtlp, (string Host, int Port)? MetricsListener)
{
    public const string DisabledKey = "OTEL_SDK_DISABLED";
    public const string OtlpEndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";
    public const string ServiceNameKey = "OTEL_SERVICE_NAME";
    public const string MetricsUrlKey = "OBATCH_METRICS_URL";

    /// <summary>Reads and checks the settings; a bad one throws <see cref="InvalidOperationException"/> naming it.</summary>
    public static TelemetrySettings Read(IConfiguration configuration)
    {
        var disabled = configuration[DisabledKey]?.Trim();
        if (disabled is { Length: > 0 } && !bool.TryParse(disabled, out _))
            throw new InvalidOperationException($"{DisabledKey}='{disabled}' is not true or false.");
        var otlp = configuration[OtlpEndpointKey]?.Trim();
        if (otlp is { Length: > 0 } && !(Uri.TryCreate(otlp, UriKind.Absolute, out var collector) && collector.Scheme is "http" or "https"))
            throw new InvalidOperationException($"{OtlpEndpointKey}='{otlp}' is not an http(s) URL: use the collector's address, e.g. http://localhost:4317 (gRPC) or http://localhost:4318 (with OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf).");
        var metricsUrl = configuration[MetricsUrlKey]?.Trim();
        (string, int)? listener = null;
        if (metricsUrl is { Length: > 0 })
            listener = Listener(metricsUrl) ?? throw new InvalidOperationException($"{MetricsUrlKey}='{metricsUrl}' is not a listening address: use http://<host>:<port>/ (e.g. http://*:9464/ on every address, http://127.0.0.1:9464/ on loopback only).");
        return new(!string.Equals(disabled, "true", StringComparison.OrdinalIgnoreCase), otlp is { Length: > 0 }, listener);
    }

    private static (string Host, int Port)? Listener(string url)
    {
        // HttpListener allows the * and + wildcards as host, which Uri does not parse.
        var wildcard = url.StartsWith("http://*:", StringComparison.Ordinal) || url.StartsWith("http://+:", StringComparison.Ordinal);
        var probe = wildcard ? "http://localhost:" + url["http://*:".Length..] : url;
        if (!Uri.TryCreate(probe, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttp || uri.IsDefaultPort || uri.AbsolutePath != "/")
            return null;
        return (wildcard ? url[7..8] : uri.Host, uri.Port);
    }
}
