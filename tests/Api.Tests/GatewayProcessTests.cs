using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using OrleansBatch.Api.Tests.Support;

namespace OrleansBatch.Api.Tests;

/// <summary>The built gateway as real processes: two on one data directory, and a restart.</summary>
public sealed class GatewayProcessTests
{
    private const string AdminKey = "process-test-admin-key-0123456789";

    [Fact]
    public async Task Two_gateway_processes_on_one_data_directory_stay_consistent()
    {
        using var data = new TempDirectory();
        await using var first = await GatewayProcess.StartAsync(data.Path, AdminKey);
        await using var second = await GatewayProcess.StartAsync(data.Path, AdminKey);
        var key = await CreateTenantKeyAsync(first, "shared");
        using var a = first.Client(key);
        using var b = second.Client(key);

        // Write through one, read through the other.
        using (var model = TestTenant.ModelContent(RepositoryPaths.BreastCancerModel))
            Assert.Equal(HttpStatusCode.Created, (await a.PostAsync("/v1/models/cancer/versions", model)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await a.PutAsJsonAsync("/v1/endpoints/scorer", new { description = "via a" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await b.PutAsJsonAsync("/v1/endpoints/scorer/deployments/blue", new { model = "cancer@latest" })).StatusCode);
        var viaA = await Problem.JsonAsync(await a.GetAsync("/v1/endpoints/scorer"), HttpStatusCode.OK);
        Assert.Equal("blue", viaA.GetProperty("defaults").GetProperty("deployment_name").GetString());
        Assert.Equal(1, (await Problem.JsonAsync(await a.GetAsync("/v1/endpoints/scorer/deployments/blue"), HttpStatusCode.OK)).GetProperty("model").GetProperty("version").GetInt32());

        // Concurrent merge patches of distinct tags, half through each process: all kept.
        var patches = await Task.WhenAll(Enumerable.Range(0, 24).Select(i =>
            (i % 2 == 0 ? a : b).PatchAsJsonAsync("/v1/endpoints/scorer", new { tags = new Dictionary<string, string> { [$"tag{i}"] = "x" } })));
        Assert.All(patches, p => Assert.Equal(HttpStatusCode.OK, p.StatusCode));
        var patched = await Problem.JsonAsync(await b.GetAsync("/v1/endpoints/scorer"), HttpStatusCode.OK);
        Assert.Equal(24, patched.GetProperty("tags").EnumerateObject().Count());

        // Racing writers holding one etag across processes: exactly one wins.
        var etag = patched.GetProperty("version").GetInt64();
        var racers = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
        {
            var request = new HttpRequestMessage(HttpMethod.Patch, "/v1/endpoints/scorer") { Content = JsonContent.Create(new { description = $"racer {i}" }) };
            request.Headers.IfMatch.Add(new EntityTagHeaderValue($"\"{etag}\""));
            return (i % 2 == 0 ? a : b).SendAsync(request);
        }));
        Assert.Single(racers, r => r.StatusCode == HttpStatusCode.OK);
        Assert.Equal(7, racers.Count(r => r.StatusCode == HttpStatusCode.PreconditionFailed));

        // Both silos are members of the cluster.
        using var admin = second.Client(AdminKey);
        var cluster = await Problem.JsonAsync(await admin.GetAsync("/v1/cluster"), HttpStatusCode.OK);
        Assert.Equal(2, cluster.GetProperty("value").EnumerateArray().Count(s => s.GetProperty("status").GetString() == "Active"));
    }

    [Fact]
    public async Task A_restart_keeps_everything_and_the_generated_admin_key()
    {
        using var data = new TempDirectory();
        string key;
        await using (var before = await GatewayProcess.StartAsync(data.Path, adminKey: null))
        {
            var keyFile = Path.Combine(data.Path, "admin.key");
            if (!OperatingSystem.IsWindows())
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keyFile));
            var adminKey = File.ReadAllText(keyFile).Trim();
            Assert.DoesNotContain(adminKey, before.Output); // only its file is printed: stdout ends up in service logs
            Assert.Contains($"admin key:   {keyFile} (generated now, mode 0600)", before.Output);
            key = await CreateTenantKeyAsync(before, "durable", adminKey);
            using var client = before.Client(key);
            using (var model = TestTenant.ModelContent(RepositoryPaths.BreastCancerModel))
                Assert.Equal(HttpStatusCode.Created, (await client.PostAsync("/v1/models/cancer/versions", model)).StatusCode);
            Assert.Equal(HttpStatusCode.Created, (await client.PutAsJsonAsync("/v1/endpoints/scorer", new { tags = new { kept = "yes" } })).StatusCode);
            Assert.Equal(HttpStatusCode.Created, (await client.PutAsJsonAsync("/v1/endpoints/scorer/deployments/blue", new { model = "cancer:1" })).StatusCode);
            await before.StopAsync();
        }

        await using var after = await GatewayProcess.StartAsync(data.Path, adminKey: null);
        using var again = after.Client(key);

        Assert.Contains($"admin key:   {Path.Combine(data.Path, "admin.key")}", after.Output);
        Assert.DoesNotContain("generated now", after.Output); // generated once
        var endpoint = await Problem.JsonAsync(await again.GetAsync("/v1/endpoints/scorer"), HttpStatusCode.OK);
        Assert.Equal("yes", endpoint.GetProperty("tags").GetProperty("kept").GetString());
        Assert.Equal("blue", endpoint.GetProperty("defaults").GetProperty("deployment_name").GetString());
        var registered = await Problem.JsonAsync(await again.GetAsync("/v1/models/cancer/versions/latest"), HttpStatusCode.OK);
        Assert.Equal("scaled", registered.GetProperty("inputs")[0].GetProperty("name").GetString());
        using var admin = after.Client(File.ReadAllText(Path.Combine(data.Path, "admin.key")).Trim());
        var cluster = await Problem.JsonAsync(await admin.GetAsync("/v1/cluster"), HttpStatusCode.OK);
        var statuses = cluster.GetProperty("value").EnumerateArray().Select(s => s.GetProperty("status").GetString()).Order().ToList();
        Assert.Equal(["Active", "ShuttingDown"], statuses);
    }

    private static async Task<string> CreateTenantKeyAsync(GatewayProcess gateway, string tenant, string adminKey = AdminKey)
    {
        using var admin = gateway.Client(adminKey);
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/v1/tenants", new { name = tenant })).StatusCode);
        var response = await admin.PostAsJsonAsync($"/v1/tenants/{tenant}/keys", new { role = "contributor" });
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("key").GetString()!;
    }
}
