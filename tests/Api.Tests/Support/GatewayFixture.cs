using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;

namespace OrleansBatch.Api.Tests.Support;

/// <summary>
/// One in-process gateway (with its embedded silo) per test class, on its own temporary data directory,
/// configured through in-memory configuration. Tests isolate themselves by creating their own tenants.
/// </summary>
public sealed class GatewayFixture : WebApplicationFactory<Program>
{
    public const string AdminKey = "test-platform-admin-key-0123456789";

    public string DataDirectory { get; } = Directory.CreateTempSubdirectory("obatch-api-tests-").FullName;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["OBATCH_DATA_DIR"] = DataDirectory,
            ["OBATCH_ADMIN_KEY"] = AdminKey,
            ["OBATCH_MAX_UPLOAD_MB"] = "4",
            ["Logging:LogLevel:Default"] = "Warning",
        }));
    }

    /// <summary>A client with the platform admin key.</summary>
    public HttpClient Admin()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminKey);
        return client;
    }

    public HttpClient WithKey(string key)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    /// <summary>Creates a tenant with a fresh name and one key per role.</summary>
    public async Task<TestTenant> CreateTenantAsync(string prefix = "t")
    {
        var name = $"{prefix}-{Guid.NewGuid().ToString("N")[..10]}";
        using var admin = Admin();
        (await admin.PostAsJsonAsync("/v1/tenants", new { name })).EnsureSuccessStatusCode();
        var keys = new Dictionary<string, string>();
        foreach (var role in new[] { "reader", "contributor", "admin" })
        {
            var response = await admin.PostAsJsonAsync($"/v1/tenants/{name}/keys", new { role });
            response.EnsureSuccessStatusCode();
            keys[role] = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("key").GetString()!;
        }
        return new TestTenant(this, name, keys["reader"], keys["contributor"], keys["admin"]);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may still hold the file briefly; the temp folder is cleaned by the OS otherwise.
        }
    }
}
