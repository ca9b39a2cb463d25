using OrleansBatch.Abstractions;
using OrleansBatch.Abstractions.Deployments;

namespace OrleansBatch.OrleansClient;

/// <summary>The deployments of the tenant's endpoints (what <c>/v1/endpoints/{e}/deployments</c> does over REST).</summary>
public class DeploymentsClient : TenantScopedClient
{

    /// <summary>For mocking.</summary>
    protected DeploymentsClient()
    {
    }

    internal DeploymentsClient(IGrainFactory grains, string tenant)
        : base(grains, tenant)
    {
    }

    /// <summary>Every deployment of <paramref name="endpoint"/>.</summary>
    public virtual IAsyncEnumerable<Snapshot<DeploymentState>> ListAsync(string endpoint, CancellationToken cancellationToken = default)
    {
        var name = ResourceName.Normalize(endpoint, "endpoint");
        return Pages.AllAsync(c => Grains.Catalog(Tenant).ListDeploymentsAsync(name, PageSize, c), cancellationToken);
    }

    /// <summary>The deployment with all its versions; 404 <c>DeploymentNotFound</c>.</summary>
    public virtual Task<Snapshot<DeploymentState>> GetAsync(string endpoint, string name, CancellationToken cancellationToken = default) =>
        Deployment(endpoint, name).GetAsync().WaitAsync(cancellationToken);

    /// <summary>
    /// Creates the deployment, or adds a version when <paramref name="draft"/> (as <c>deployment.yml</c> describes it) changes
    /// it; <paramref name="setDefault"/> also makes it the endpoint's default (the first deployment of an endpoint is anyway).
    /// </summary>
    public virtual Task<DeploymentPutResult> CreateOrUpdateAsync(
        string endpoint, string name, DeploymentDraft draft, bool setDefault = false, long? ifMatch = null, CancellationToken cancellationToken = default) =>
        Deployment(endpoint, name).PutAsync(draft, setDefault, ifMatch).WaitAsync(cancellationToken);

    /// <summary>Deletes the deployment; 409 <c>DeploymentIsDefault</c> while it is the default.</summary>
    public virtual Task DeleteAsync(string endpoint, string name, long? ifMatch = null, CancellationToken cancellationToken = default) =>
        Deployment(endpoint, name).DeleteAsync(ifMatch).WaitAsync(cancellationToken);

    private IDeploymentGrain Deployment(string endpoint, string name) =>
        Grains.Deployment(Tenant, ResourceName.Normalize(endpoint, "endpoint"), ResourceName.Normalize(name, "deployment"));
}
