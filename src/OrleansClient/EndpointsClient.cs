using System.Text.Json.Nodes;
using OrleansBatch.Abstractions;
using OrleansBatch.Abstractions.Endpoints;

namespace OrleansBatch.OrleansClient;

/// <summary>The tenant's batch endpoints (what <c>/v1/endpoints</c> does over REST).</summary>
public class EndpointsClient : TenantScopedClient
{

    /// <summary>For mocking.</summary>
    protected EndpointsClient()
    {
    }

    internal EndpointsClient(IGrainFactory grains, string tenant)
        : base(grains, tenant)
    {
    }

    /// <summary>Every endpoint of the tenant, by name.</summary>
    public virtual IAsyncEnumerable<Snapshot<EndpointState>> ListAsync(CancellationToken cancellationToken = default) =>
        Pages.AllAsync(c => Grains.Catalog(Tenant).ListEndpointsAsync(PageSize, c), cancellationToken);

    /// <summary>The endpoint; 404 <c>EndpointNotFound</c>.</summary>
    public virtual Task<Snapshot<EndpointState>> GetAsync(string name, CancellationToken cancellationToken = default) =>
        Endpoint(name).GetAsync().WaitAsync(cancellationToken);

    /// <summary>Creates or overwrites the endpoint (as <c>endpoint.yml</c> describes it); <paramref name="ifMatch"/> (a version) gives 412 when stale.</summary>
    public virtual Task<EndpointPutResult> CreateOrUpdateAsync(string name, EndpointDefinition definition, long? ifMatch = null, CancellationToken cancellationToken = default) =>
        Endpoint(name).PutAsync(definition, ifMatch).WaitAsync(cancellationToken);

    /// <summary>Makes <paramref name="deployment"/> the endpoint's default; 404 <c>DeploymentNotFound</c> for one it does not have.</summary>
    public virtual Task<Snapshot<EndpointState>> SetDefaultDeploymentAsync(string name, string deployment, CancellationToken cancellationToken = default) =>
        Endpoint(name).PatchAsync(new JsonObject { ["defaults"] = new JsonObject { ["deployment_name"] = ResourceName.Normalize(deployment, "deployment") } }.ToJsonString(), null)
            .WaitAsync(cancellationToken);

    /// <summary>Deletes the endpoint and its deployments; its jobs and their outputs stay.</summary>
    public virtual Task DeleteAsync(string name, long? ifMatch = null, CancellationToken cancellationToken = default) =>
        Endpoint(name).DeleteAsync(ifMatch).WaitAsync(cancellationToken);

    private IEndpointGrain Endpoint(string name) => Grains.Endpoint(Tenant, ResourceName.Normalize(name, "endpoint"));
}
