using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OrleansBatch.Api.Tests.Support;
using OrleansBatch.Client;
using OrleansBatch.Client.Models;

namespace OrleansBatch.Security.Tests.Limits;

/// <summary>
/// Issue 11's literal memory bomb: a 249-byte model, <c>y = ReduceSum(x + ConstantOfShape([250000000]))</c>
/// (tests/Security.Tests/Models, made by make_constant_of_shape_bomb.py), grew the gateway by ~100 MB/s to 19 GB.
/// On a gateway process with a 512 MB scoring cap it now ends as item errors <c>ResourceLimitExceeded</c> (the job
/// <c>Failed</c> <c>NoItemSucceeded</c>), the process never grows past its cap, and it goes on serving and scoring.
/// </summary>
public sealed class MemoryBombTests(Xunit.Abstractions.ITestOutputHelper output) : IAsyncLifetime
{
    private const string AdminKey = "memory-bomb-admin-key-0123456789abcdef";
    private const int CapMegabytes = 512;

    private readonly string _dir = Directory.CreateTempSubdirectory("obatch-sec-bomb-").FullName;
    private GatewayProcess _gateway = null!;

    public async Task InitializeAsync() =>
        _gateway = await GatewayProcess.StartAsync(_dir, AdminKey, new Dictionary<string, string> { ["OBATCH_SCORING_MEMORY_MB"] = CapMegabytes.ToString() });

    public async Task DisposeAsync()
    {
        await _gateway.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task The_constant_of_shape_bomb_fails_its_items_with_ResourceLimitExceeded_and_the_gateway_stays_under_its_cap_and_scores_on()
    {
        var admin = new OrleansBatchClient(_gateway.Address, AdminKey);
        var tenant = $"bomb-{Guid.NewGuid().ToString("N")[..8]}";
        await admin.CreateTenantAsync(tenant);
        using var client = _gateway.Client((await admin.CreateTenantKeyAsync(tenant, ApiKeyRole.Contributor)).Key!);
        await DeployAsync(client, "bomb", Path.Combine(RepositoryPaths.Root, "tests", "Security.Tests", "Models", "constant-of-shape-bomb.onnx"));
        await DeployAsync(client, "cancer", RepositoryPaths.BreastCancerModel);
        var rows = await UploadAsync(client, "rows.csv", "x\n1\n2\n3\n4\n");
        var residentBefore = Memory("VmRSS");

        var bomb = await RunAsync(client, "bomb", rows);
        var peak = Memory("VmHWM");
        output.WriteLine($"resident before the bomb {residentBefore / 1048576} MB, peak after it {peak / 1048576} MB (cap {CapMegabytes} MB)");

        Assert.Equal("Failed", bomb.GetProperty("status").GetString());
        Assert.Equal("NoItemSucceeded", bomb.GetProperty("error").GetProperty("code").GetString());
        var errors = (await client.GetFromJsonAsync<JsonElement>($"/v1/jobs/{bomb.GetProperty("name").GetString()}/errors")).GetProperty("value").EnumerateArray().ToList();
        Assert.NotEmpty(errors);
        Assert.All(errors, e => Assert.Equal("ResourceLimitExceeded", e.GetProperty("code").GetString()));
        Assert.Contains("OBATCH_SCORING_MEMORY_MB", errors[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains("ConstantOfShape node asked for 953 MB", errors[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("onnxruntime_src", errors[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.True(peak - residentBefore < CapMegabytes * 1024L * 1024,
            $"the gateway's peak resident memory went {(peak - residentBefore) / 1048576} MB above where it was before the bomb (cap {CapMegabytes} MB)");

        // The same process still answers and scores.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
        var cancer = await RunAsync(client, "cancer", await UploadAsync(client, "cancer.csv", await File.ReadAllTextAsync(RepositoryPaths.Sample("breast-cancer", "data", "breast_cancer.csv"))));
        Assert.Equal("Completed", cancer.GetProperty("status").GetString());
        Assert.Equal(569, cancer.GetProperty("progress").GetProperty("rows_written").GetInt64());
    }

    /// <summary>Registers the model and deploys it behind an endpoint of the same name, one row per mini-batch and no retries.</summary>
    private static async Task DeployAsync(HttpClient client, string name, string model)
    {
        await Problem.JsonAsync(await client.PostAsync($"/v1/models/{name}/versions", TestTenant.ModelContent(model)), HttpStatusCode.Created);
        (await client.PutAsJsonAsync($"/v1/endpoints/{name}", new { description = "memory bomb test" })).EnsureSuccessStatusCode();
        var deployment = new { model = $"{name}:1", settings = new { mini_batch_size = "1 rows", retry_settings = new { max_retries = 0 } } };
        (await client.PutAsJsonAsync($"/v1/endpoints/{name}/deployments/only", deployment)).EnsureSuccessStatusCode();
    }

    private static async Task<string> UploadAsync(HttpClient client, string fileName, string csv)
    {
        using var content = new MultipartFormDataContent { { new StringContent(csv), "file", fileName } };
        return (await Problem.JsonAsync(await client.PostAsync("/v1/uploads", content), HttpStatusCode.Created)).GetProperty("path").GetString()!;
    }

    /// <summary>Invokes the endpoint on the upload and waits (at most two minutes) for the job to end.</summary>
    private static async Task<JsonElement> RunAsync(HttpClient client, string endpoint, string upload)
    {
        using var invoked = await client.PostAsJsonAsync($"/v1/endpoints/{endpoint}/jobs", new { input = new { type = "uri_folder", path = upload } });
        var name = (await Problem.JsonAsync(invoked, HttpStatusCode.Accepted)).GetProperty("name").GetString()!;
        for (var deadline = DateTime.UtcNow.AddMinutes(2); ; await Task.Delay(200))
        {
            var job = await client.GetFromJsonAsync<JsonElement>($"/v1/jobs/{name}");
            if (job.GetProperty("status").GetString() is "Completed" or "Failed" or "Canceled" || DateTime.UtcNow > deadline)
                return job;
        }
    }

    /// <summary>A memory figure of the gateway process from /proc (VmRSS: resident now; VmHWM: the peak so far), in bytes.</summary>
    private long Memory(string field)
    {
        var line = File.ReadLines($"/proc/{_gateway.ProcessId}/status").Single(l => l.StartsWith(field + ":", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) * 1024;
    }
}
