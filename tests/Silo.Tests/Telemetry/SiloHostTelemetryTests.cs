using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Configuration;
using OrleansBatch.Api.Tests.Telemetry;
using OrleansBatch.Silo.Telemetry;

namespace OrleansBatch.Silo.Tests.Telemetry;

/// <summary>
/// The silo host's telemetry: it has no web server, so with <c>OBATCH_METRICS_URL</c> it serves <c>/metrics</c> through
/// OpenTelemetry's Prometheus listener; with <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> it sends metrics, traces and logs to a
/// collector (here a stand-in on loopback speaking OTLP over HTTP); bad settings stop the start.
/// </summary>
[Collection(TelemetryCollection.Name)]
public sealed class SiloHostTelemetryTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("obatch-silo-metrics-").FullName;

    [Fact]
    public async Task A_silo_host_serves_prometheus_metrics_of_orleans_at_OBATCH_METRICS_URL()
    {
        var port = SiloProcess.FreePort();
        using var host = await SiloProcess.StartAsync(_dir, new Dictionary<string, string?> { [TelemetrySettings.MetricsUrlKey] = $"http://127.0.0.1:{port}/" });
        try
        {
            using var http = new HttpClient();
            using var response = await http.GetAsync($"http://127.0.0.1:{port}/metrics");
            var metrics = PrometheusText.Parse(await response.Content.ReadAsStringAsync());

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("gauge", metrics.Families["orleans_catalog_activations"]);
            Assert.True(metrics.Sum("orleans_consistent_ring_size") >= 1);
        }
        finally
        {
            await host.StopAsync();
        }
    }

    [Fact]
    public async Task A_silo_host_exports_metrics_traces_and_logs_over_otlp()
    {
        var port = SiloProcess.FreePort();
        using var collector = new HttpListener();
        collector.Prefixes.Add($"http://127.0.0.1:{port}/");
        collector.Start();
        var received = new ConcurrentDictionary<string, long>();
        using var stop = new CancellationTokenSource();
        var receiving = ReceiveAsync(collector, received, stop.Token);
        using var host = await SiloProcess.StartAsync(_dir, new Dictionary<string, string?>
        {
            [TelemetrySettings.OtlpEndpointKey] = $"http://127.0.0.1:{port}",
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "200",
            ["OTEL_BSP_SCHEDULE_DELAY"] = "100",
            ["OTEL_BLRP_SCHEDULE_DELAY"] = "100",
        });
        try
        {
            // A span of the platform's source with nothing around it starts a trace of its own.
            JobTelemetry.StartStep("job.plan")?.Dispose();
            using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            while (!new[] { "/v1/metrics", "/v1/traces", "/v1/logs" }.All(received.ContainsKey))
                await Task.Delay(50, guard.Token);

            Assert.All(received.Values, bytes => Assert.True(bytes > 0));
        }
        finally
        {
            await host.StopAsync();
            await stop.CancelAsync();
            collector.Stop();
            await receiving;
        }
    }

    /// <summary>Answers every OTLP request 200 (an empty export response) and notes its path and body size.</summary>
    private static async Task ReceiveAsync(HttpListener collector, ConcurrentDictionary<string, long> received, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await collector.GetContextAsync().WaitAsync(cancellationToken);
            }
            catch (Exception e) when (e is OperationCanceledException or HttpListenerException or ObjectDisposedException)
            {
                return;
            }
            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body, cancellationToken);
            received.AddOrUpdate(context.Request.Url!.AbsolutePath, body.Length, (_, total) => total + body.Length);
            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/x-protobuf";
            context.Response.Close();
        }
    }

    [Theory]
    [InlineData(TelemetrySettings.MetricsUrlKey, "9464", "OBATCH_METRICS_URL='9464' is not a listening address")]
    [InlineData(TelemetrySettings.MetricsUrlKey, "https://*:9464/", "use http://<host>:<port>/")]
    [InlineData(TelemetrySettings.OtlpEndpointKey, "collector:4317", "OTEL_EXPORTER_OTLP_ENDPOINT='collector:4317' is not an http(s) URL")]
    [InlineData(TelemetrySettings.DisabledKey, "yes", "OTEL_SDK_DISABLED='yes' is not true or false")]
    public void A_bad_telemetry_setting_stops_the_start_naming_it(string key, string value, string message)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [key] = value }).Build();

        var e = Assert.Throws<InvalidOperationException>(() => TelemetrySettings.Read(configuration));

        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Settings_read_the_listener_the_exporter_and_the_off_switch()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [TelemetrySettings.MetricsUrlKey] = "http://*:9464/",
            [TelemetrySettings.OtlpEndpointKey] = "http://localhost:4317",
            [TelemetrySettings.DisabledKey] = "false",
        }).Build();

        Assert.Equal(new TelemetrySettings(true, true, ("*", 9464)), TelemetrySettings.Read(configuration));
        Assert.Equal(new TelemetrySettings(false, false, null), TelemetrySettings.Read(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [TelemetrySettings.DisabledKey] = "true" }).Build()));
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
