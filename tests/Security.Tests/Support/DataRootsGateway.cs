using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using OrleansBatch.Api.Tests.Support;

namespace OrleansBatch.Security.Tests.Support;

/// <summary>
/// The real gateway in-process with two data roots in a temporary folder: <see cref="Shared"/>, a root every tenant
/// has, which also holds the platform's data directory (<see cref="DataDirectory"/>) and the per-tenant root
/// <c>shared/tenants/{tenant}</c>; and <see cref="Outside"/>, a folder beside them that is no root. Removed when disposed.
/// </summary>
public sealed class DataRootsGateway : WebApplicationFactory<Program>
{
    public const string AdminKey = "data-roots-gateway-admin-key-0123456789";

    public string Folder { get; } = Directory.CreateTempSubdirectory("obatch-sec-roots-").FullName;

    public string Shared => Path.Combine(Folder, "shared");

    public string DataDirectory => Path.Combine(Shared, "platform");

    public string Outside => Path.Combine(Folder, "outside");

    /// <summary>The tenant's own root (<c>shared/tenants/{tenant}</c> with its name), created by <see cref="TenantAsync"/>.</summary>
    public string TenantRoot(string tenant) => Path.Combine(Shared, "tenants", tenant);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(Path.Combine(Shared, "tenants"));
        Directory.CreateDirectory(Outside);
        builder.UseEnvironment("Production");
        builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["OBATCH_DATA_DIR"] = DataDirectory,
            ["OBATCH_ADMIN_KEY"] = AdminKey,
            ["OBATCH_DATA_ROOTS"] = $"{Shared}:{Path.Combine(Shared, "tenants", "{tenant}")}",
            ["Logging:LogLevel:Default"] = "Warning",
        }));
    }

    /// <summary>
    /// A new tenant (its root folder created) with model <c>cancer</c> behind endpoint <c>scorer</c> and an upload of the
    /// sample CSV: its name, contributor client and the upload path.
    /// </summary>
    public async Task<(string Name, HttpClient Client, string Upload)> TenantAsync()
    {
        var (name, client) = await ContributorKeys.NewTenantAsync(this, AdminKey, "roots");
        Directory.CreateDirectory(TenantRoot(name));

        (await client.PostAsync("/v1/models/cancer/versions", TestTenant.ModelContent(RepositoryPaths.BreastCancerModel))).EnsureSuccessStatusCode();
        (await client.PutAsJsonAsync("/v1/endpoints/scorer", new { description = "local outputs" })).EnsureSuccessStatusCode();
        (await client.PutAsJsonAsync("/v1/endpoints/scorer/deployments/blue", new { model = "cancer:1" })).EnsureSuccessStatusCode();
        using var content = new MultipartFormDataContent
        {
            { new ByteArrayContent(File.ReadAllBytes(RepositoryPaths.Sample("breast-cancer", "data", "breast_cancer.csv"))), "file", "breast_cancer.csv" },
        };
        var upload = await Problem.JsonAsync(await client.PostAsync("/v1/uploads", content), HttpStatusCode.Created);
        return (name, client, upload.GetProperty("path").GetString()!);
    }

    /// <summary>Polls the job until it ends (at most a minute) and returns it.</summary>
    public static async Task<JsonElement> WaitAsync(HttpClient client, string job)
    {
        for (var deadline = DateTime.UtcNow.AddMinutes(1); ; await Task.Delay(100))
        {
            var state = await (await client.GetAsync($"/v1/jobs/{job}")).ReadJsonAsync();
            if (state.GetProperty("status").GetString() is "Completed" or "Failed" or "Canceled" || DateTime.UtcNow > deadline)
                return state;
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may still hold a file briefly.
        }
    }
}
