using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using OrleansBatch.Api.Tests.Support;

namespace OrleansBatch.Api.Tests.Telemetry;

/// <summary>
/// <c>GET /metrics</c> of the embedded gateway is OpenTelemetry's Prometheus exporter: it parses as Prometheus text and
/// holds ASP.NET Core's HTTP server metrics, Orleans' metrics and the platform's job metrics, which move as a job runs;
/// the job carries the invoke request's trace id (job JSON and first log line).
/// </summary>
[Collection(TelemetryCollection.Name)]
public sealed partial class MetricsEndpointTests(GatewayFixture gateway) : IClassFixture<GatewayFixture>
{
    [Fact]
    public async Task Metrics_parse_as_prometheus_text_with_http_orleans_and_job_metrics_that_move_as_a_job_runs()
    {
        var tenant = await gateway.CreateTenantAsync("otel");
        using var anonymous = gateway.CreateClient();
        var before = PrometheusText.Parse(await anonymous.GetStringAsync("/metrics"));

        var (name, job) = await RunJobAsync(tenant);
        var response = await anonymous.GetAsync("/metrics");
        var after = PrometheusText.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal("Completed", job.GetProperty("status").GetString());
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        // ASP.NET Core's own HTTP server histogram, by route and status (the old obatch_http_requests_total).
        Assert.Equal("histogram", after.Families["http_server_request_duration_seconds"]);
        Assert.True(after.Sum("http_server_request_duration_seconds_count", ("http_route", "/v1/endpoints/{endpoint}/jobs/"), ("http_response_status_code", "202")) >= 1);
        // Orleans' meter: grains and activations of the embedded silo.
        Assert.Contains(after.Families.Keys, f => f.StartsWith("orleans_", StringComparison.Ordinal));
        Assert.True(after.Sum("orleans_catalog_activations") > 0);
        // The platform's meter, for this tenant only (other tests' gateways in this process have their own tenants).
        var t = ("tenant", tenant.Name);
        var deployment = ("deployment", "scorer/blue");
        Assert.Equal(0, before.Sum("obatch_jobs_total", t));
        Assert.Equal(1, after.Sum("obatch_jobs_total", t, deployment, ("status", "Queued")));
        Assert.Equal(1, after.Sum("obatch_jobs_total", t, deployment, ("status", "Running")));
        Assert.Equal(1, after.Sum("obatch_jobs_total", t, deployment, ("status", "Completed")));
        var miniBatches = job.GetProperty("progress").GetProperty("mini_batches").GetProperty("total").GetInt32();
        Assert.True(miniBatches > 1, $"the 8KB mini-batches cut the sample into several, got {miniBatches}");
        Assert.Equal(miniBatches, after.Sum("obatch_minibatches_started_total", t, deployment));
        Assert.Equal(miniBatches, after.Sum("obatch_minibatches_succeeded_total", t, deployment));
        Assert.Equal(0, after.Sum("obatch_minibatches_failed_total", t));
        Assert.Equal(miniBatches, after.Sum("obatch_minibatch_duration_seconds_count", t, ("outcome", "succeeded")));
        Assert.Equal(job.GetProperty("progress").GetProperty("items").GetProperty("succeeded").GetInt64(), after.Sum("obatch_rows_scored_total", t));
        Assert.Equal(new FileInfo(RepositoryPaths.Sample("breast-cancer", "data", "breast_cancer.csv")).Length, after.Sum("obatch_io_read_bytes_total", t));
        Assert.True(after.Sum("obatch_io_written_bytes_total", t) > 0);
        Assert.Equal(miniBatches, after.Sum("obatch_queue_wait_seconds_count", t));
        Assert.True(after.Sum("obatch_scorer_cache_lookups_total") >= miniBatches);
        Assert.True(after.Sum("obatch_model_load_duration_seconds_count") >= 1);
        Assert.Contains(after.Samples, s => s.Name == "obatch_scoring_slots_busy");
        // The job carries the invoke request's trace: its id in the job JSON and in the job log's first line.
        var traceId = job.GetProperty("trace_id").GetString()!;
        Assert.Matches("^[0-9a-f]{32}$", traceId);
        Assert.NotEqual(new string('0', 32), traceId);
        using var client = tenant.Reader();
        var log = await client.GetStringAsync($"/v1/jobs/{name}/logs");
        Assert.EndsWith($"; trace {traceId}", log.Split('\n')[0]);
    }

    [Fact]
    public async Task The_grafana_dashboard_and_the_readme_name_only_metrics_the_gateway_serves()
    {
        var tenant = await gateway.CreateTenantAsync("otel");
        await RunJobAsync(tenant);
        using var anonymous = gateway.CreateClient();
        var served = PrometheusText.Parse(await anonymous.GetStringAsync("/metrics"));
        // Recorded only when something fails or is retried, or when the gateway makes HTTP calls; the job above does neither.
        string[] notInThisRun = ["obatch_rows_failed_total", "obatch_minibatches_failed_total", "obatch_minibatches_retried_total", "http_client_request_duration_seconds"];
        var dashboard = await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Root, "docs", "observability", "grafana-dashboard.json"));
        var readme = await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Root, "README.md"));
        var section = readme[readme.IndexOf("## Observe the platform", StringComparison.Ordinal)..readme.IndexOf("## Configuration", StringComparison.Ordinal)];

        var named = MetricName().Matches(JsonDocument.Parse(dashboard).RootElement.GetRawText() + section).Select(m => m.Value)
            .Select(n => n.EndsWith("_bucket", StringComparison.Ordinal) ? n[..^7] : n.EndsWith("_count", StringComparison.Ordinal) ? n[..^6] : n)
            .Where(n => !n.StartsWith("obatch_http_requests", StringComparison.Ordinal) && n is not ("obatch_silos" or "obatch_active_mini_batches" or "obatch_tenants") && !n.EndsWith('_'))
            .Distinct().ToList();

        Assert.Contains("obatch_queue_wait_seconds", named);
        Assert.All(named.Except(notInThisRun), name => Assert.True(served.Families.ContainsKey(name), $"{name} is not served"));
    }

    /// <summary>Model <c>cancer</c>, endpoint <c>scorer</c> with deployment <c>blue</c> (8 KB mini-batches), and a job over the uploaded sample CSV, run to its end.</summary>
    private static async Task<(string Name, JsonElement Job)> RunJobAsync(TestTenant tenant)
    {
        await tenant.RegisterModelAsync("cancer");
        await tenant.CreateEndpointAsync("scorer");
        using (var put = await tenant.PutDeploymentAsync("scorer", "blue", new { model = "cancer:1", settings = new { mini_batch_size = "8KB" } }))
            Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        using var client = tenant.Contributor();
        using var content = new MultipartFormDataContent
        {
            { new ByteArrayContent(File.ReadAllBytes(RepositoryPaths.Sample("breast-cancer", "data", "breast_cancer.csv"))), "file", "breast_cancer.csv" },
        };
        using var upload = await client.PostAsync("/v1/uploads", content);
        var input = (await Problem.JsonAsync(upload, HttpStatusCode.Created)).GetProperty("path").GetString()!;
        using var invoke = await client.PostAsJsonAsync("/v1/endpoints/scorer/jobs", new { input = new { type = "uri_folder", path = input } });
        var name = (await Problem.JsonAsync(invoke, HttpStatusCode.Accepted)).GetProperty("name").GetString()!;
        return (name, await WaitAsync(client, name));
    }

    private static async Task<JsonElement> WaitAsync(HttpClient client, string job)
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        while (true)
        {
            var state = await client.GetFromJsonAsync<JsonElement>($"/v1/jobs/{job}", guard.Token);
            if (state.GetProperty("status").GetString() is "Completed" or "Failed" or "Canceled")
                return state;
            await Task.Delay(50, guard.Token);
        }
    }

    [GeneratedRegex(@"\b(?:obatch|orleans|http_server|http_client)_[a-z_]+")]
    private static partial Regex MetricName();
}
