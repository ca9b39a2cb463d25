using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using OrleansBatch.Api.Tests.Support;

namespace OrleansBatch.Api.Tests;

/// <summary>The built gateway as real processes: one process per data directory, and a restart.</summary>
public sealed class GatewayProcessTests
{
    private const string AdminKey = "process-test-admin-key-0123456789";

    [Fact]
    public async Task A_second_process_on_the_same_data_directory_is_refused_and_the_first_keeps_serving()
    {
        using var data = new TempDirectory();
        await using var first = await GatewayProcess.StartAsync(data.Path, AdminKey);
        var key = await CreateTenantKeyAsync(first, "shared");

        // The embedded silo keeps grains in memory: a second process on the same files would serve stale state.
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => GatewayProcess.StartAsync(data.Path, AdminKey));
        Assert.Contains("exited with 2", refused.Message);
        Assert.Contains("The gateway cannot start: The data directory (OBATCH_DATA_DIR) is in use by another OrleansBatch process", refused.Message);

        using var a = first.Client(key);
        Assert.Equal(HttpStatusCode.Created, (await a.PutAsJsonAsync("/v1/endpoints/scorer", new { description = "still here" })).StatusCode);
        var endpoint = await Problem.JsonAsync(await a.GetAsync("/v1/endpoints/scorer"), HttpStatusCode.OK);
        Assert.Equal("still here", endpoint.GetProperty("description").GetString());
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
        // The embedded default clusters on localhost: after a restart its one silo is the new one.
        Assert.Equal(["Active"], statuses);
    }

    private static async Task<string> CreateTenantKeyAsync(GatewayProcess gateway, string tenant, string adminKey = AdminKey)
    {
        using var admin = gateway.Client(adminKey);
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/v1/tenants", new { name = tenant })).StatusCode);
        var response = await admin.PostAsJsonAsync($"/v1/tenants/{tenant}/keys", new { role = "contributor" });
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("key").GetString()!;
    }
}
