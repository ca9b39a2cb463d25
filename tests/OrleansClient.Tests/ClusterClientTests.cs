using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OrleansBatch.Abstractions;
using OrleansBatch.Abstractions.Endpoints;
using OrleansBatch.Silo.Hosting;
using OrleansBatch.Storage.Tests.Azure;

namespace OrleansBatch.OrleansClient.Tests;

/// <summary>
/// A cluster (<c>OBATCH_PROVIDER=AzureStorage</c> on Azurite): a real silo process host in-process, and a client that finds
/// its gateway through the silos' Azure Table membership, with the same settings the silo has.
/// </summary>
public sealed class ClusterClientTests : IAsyncLifetime
{
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("obatch-orleans-cluster-").FullName;
    private readonly string _prefix = "oc" + Guid.NewGuid().ToString("N")[..8];
    private readonly AzuriteFixture _azurite = new();
    private IHost _silo = null!;

    public async Task InitializeAsync()
    {
        await _azurite.InitializeAsync();
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(Settings());
        builder.AddSilo();
        _silo = builder.Build();
        await _silo.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _silo.StopAsync();
        _silo.Dispose();
        await _azurite.DisposeAsync();
        Directory.Delete(_dataDirectory, recursive: true);
    }

    private Dictionary<string, string?> Settings() => new()
    {
        ["OBATCH_PROVIDER"] = "AzureStorage",
        ["OBATCH_STORAGE_CONNECTION_STRING"] = _azurite.ConnectionString,
        ["OBATCH_STORAGE_PREFIX"] = _prefix,
        ["OBATCH_CLUSTER_ID"] = _prefix,
        ["OBATCH_DATA_DIR"] = _dataDirectory,
    };

    private async Task<IHost> StartClientAsync(string tenant)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        // The silo's own settings, as a service in the cluster's network would have them, plus its tenant.
        builder.Configuration.AddInMemoryCollection(Settings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { [OrleansBatchClientOptions.TenantKey] = tenant });
        builder.UseOrleansBatchClient();
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    [Fact]
    public async Task A_client_finds_the_cluster_through_its_Azure_Table_membership_and_stays_in_its_tenant()
    {
        using var contoso = await StartClientAsync("contoso");
        using var fabrikam = await StartClientAsync("fabrikam");
        var a = contoso.Services.GetRequiredService<IOrleansBatchClient>();
        var b = fabrikam.Services.GetRequiredService<IOrleansBatchClient>();

        await a.Endpoints.CreateOrUpdateAsync("fraud", new EndpointDefinition("contoso's", null, null, false, null));
        var listed = await a.Endpoints.ListAsync().ToListAsync();
        var notFound = await Assert.ThrowsAsync<DomainException>(() => b.Endpoints.GetAsync("fraud"));
        var refused = await Assert.ThrowsAsync<CrossTenantCallException>(
            () => fabrikam.Services.GetRequiredService<IClusterClient>().Endpoint("contoso", "fraud").GetAsync());

        Assert.Equal("fraud", Assert.Single(listed).State.Name);
        Assert.Equal("EndpointNotFound", notFound.Code);
        Assert.Contains("fabrikam", refused.Message, StringComparison.Ordinal);
        await contoso.StopAsync();
        await fabrikam.StopAsync();
    }
}
