using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OrleansBatch.Api.Tests.Telemetry;
using OrleansBatch.Silo.Hosting;
using OrleansBatch.Silo.Telemetry;

namespace OrleansBatch.Silo.Tests.Telemetry;

/// <summary>A silo host has no web server: with <c>OBATCH_METRICS_URL</c> it serves <c>/metrics</c> through OpenTelemetry's Prometheus listener.</summary>
[Collection(TelemetryCollection.Name)]
public sealed class SiloMetricsTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("obatch-silo-metrics-").FullName;

    [Fact]
    public async Task A_silo_host_serves_prometheus_metrics_of_orleans_at_OBATCH_METRICS_URL()
    {
        var port = FreePort();
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [SiloProviderOptions.DataDirectoryKey] = _dir,
            [TelemetrySettings.MetricsUrlKey] = $"http://127.0.0.1:{port}/",
        });
        builder.AddSilo();
        using var host = builder.Build();
        await host.StartAsync();
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

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
