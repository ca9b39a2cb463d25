using OrleansBatch.Abstractions;
using OrleansBatch.Abstractions.Models;

namespace OrleansBatch.OrleansClient;

/// <summary>
/// The tenant's registered models, to read (their versions, inputs and outputs). Registering one stores its files, which
/// happens over REST (<c>POST /v1/models/{name}/versions</c>) or with <c>obatch model create</c>.
/// </summary>
public class ModelsClient : TenantScopedClient
{

    /// <summary>For mocking.</summary>
    protected ModelsClient()
    {
    }

    internal ModelsClient(IGrainFactory grains, string tenant)
        : base(grains, tenant)
    {
    }

    /// <summary>Every model of the tenant with its latest version.</summary>
    public virtual IAsyncEnumerable<AssetSummary> ListAsync(CancellationToken cancellationToken = default) =>
        Pages.AllAsync(c => Grains.Catalog(Tenant).ListModelsAsync(PageSize, c), cancellationToken);

    /// <summary>One version of the model (null: the latest); 404 <c>ModelNotFound</c>.</summary>
    public virtual Task<ModelVersion> GetAsync(string name, int? version = null, CancellationToken cancellationToken = default) =>
        Model(name).GetVersionAsync(version).WaitAsync(cancellationToken);

    /// <summary>Every version of the model.</summary>
    public virtual IAsyncEnumerable<ModelVersion> ListVersionsAsync(string name, CancellationToken cancellationToken = default)
    {
        var model = Model(name);
        return Pages.AllAsync(c => model.ListVersionsAsync(PageSize, c), cancellationToken);
    }

    private IModelGrain Model(string name) => Grains.Model(Tenant, ResourceName.Normalize(name, "model"));
}
