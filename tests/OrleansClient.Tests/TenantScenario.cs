using OrleansBatch.Abstractions.Deployments;
using OrleansBatch.Abstractions.Endpoints;
using OrleansBatch.Abstractions.Models;
using OrleansBatch.Api.Tests.Support;

namespace OrleansBatch.OrleansClient.Tests;

/// <summary>A fresh tenant with the wine model registered (over REST) and a client host bound to it; endpoint and deployment made through the client.</summary>
public sealed class TenantScenario : IAsyncDisposable
{
    public const string Endpoint = "wine";
    public const string Deployment = "forest";
    public const string Model = "wine-forest";

    private TenantScenario(string tenant, ClientHost client) => (Tenant, Client) = (tenant, client);

    public string Tenant { get; }

    public ClientHost Client { get; }

    public IOrleansBatchClient Batch => Client.Batch;

    public static async Task<TenantScenario> StartAsync(GatewayFixture platform, bool withEndpoint = true)
    {
        var tenant = await platform.CreateTenantAsync("oc");
        await tenant.RegisterModelAsync(Model, Samples.WineModel);
        var scenario = new TenantScenario(tenant.Name, await ClientHost.StartAsync(platform.GatewayPort(), tenant.Name));
        if (withEndpoint)
        {
            await scenario.Batch.Endpoints.CreateOrUpdateAsync(Endpoint, new EndpointDefinition("wine classes", null, null, false, null));
            await scenario.Batch.Deployments.CreateOrUpdateAsync(Endpoint, Deployment, new DeploymentDraft { Model = new ModelReference(Model, null) });
        }
        return scenario;
    }

    /// <summary>Copies <paramref name="content"/> (or the wine sample) into the tenant's input folder; returns its path.</summary>
    public string AddInput(GatewayFixture platform, string fileName, string? content = null)
    {
        var path = Path.Combine(platform.InputFolder(Tenant), fileName);
        if (content is null)
            File.Copy(Samples.WineCsv, path, overwrite: true);
        else
            File.WriteAllText(path, content);
        return path;
    }

    public ValueTask DisposeAsync() => Client.DisposeAsync();
}
