using OrleansBatch.Abstractions;
using OrleansBatch.Abstractions.Data;
using OrleansBatch.Abstractions.Deployments;
using OrleansBatch.Abstractions.Models;
using OrleansBatch.Abstractions.Endpoints;
using OrleansBatch.Abstractions.Tenants;
using OrleansBatch.Grains.Domain.Data;
using OrleansBatch.Grains.Domain.Deployments;
using OrleansBatch.Grains.Domain.Endpoints;
using OrleansBatch.Grains.Domain.Models;
using OrleansBatch.Grains.Domain.Tenants;
using OrleansBatch.Grains.Providers;

namespace OrleansBatch.Grains.Domain.Catalog;

/// <summary>
/// Lists a tenant's resources from the query store the resource grains keep (<see cref="ResourceGrain{TState}"/>):
/// paged range reads, never a scan. Runs on the caller's silo; holds no state.
/// </summary>
[StatelessWorker]
public sealed class CatalogGrain(IGrainStateStore store) : Grain, ICatalogGrain
{
    private string Tenant => this.GetPrimaryKeyString();

    public Task<Page<Snapshot<EndpointState>>> ListEndpointsAsync(int top, string? continuation) =>
        store.QueryAsync<EndpointState, Snapshot<EndpointState>>(new GrainQuery(EndpointGrain.GrainType, Tenant, "", top, continuation),
            (state, record) => new(state, record.Version));

    public async Task<Page<Snapshot<DeploymentState>>> ListDeploymentsAsync(string endpoint, int top, string? continuation)
    {
        await GrainFactory.Endpoint(Tenant, endpoint).GetAsync();
        return await store.QueryAsync<DeploymentState, Snapshot<DeploymentState>>(new GrainQuery(DeploymentGrain.GrainType, Tenant, endpoint + "/", top, continuation),
            (state, record) => new(state, record.Version));
    }

    /// <summary>Models with at least one committed version (a reserved but never committed one is left out).</summary>
    public Task<Page<AssetSummary>> ListModelsAsync(int top, string? continuation) =>
        store.QueryAsync<ModelState, AssetSummary>(new GrainQuery(ModelGrain.GrainType, Tenant, "", top, continuation),
            (state, record) => state.Latest is { } latest ? new AssetSummary(state.Name, latest.Version, state.CreatedAt, record.UpdatedAt) : null);

    public Task<Page<AssetSummary>> ListDataAsync(int top, string? continuation) =>
        store.QueryAsync<DataState, AssetSummary>(new GrainQuery(DataGrain.GrainType, Tenant, "", top, continuation),
            (state, record) => state.Versions.Count > 0 ? new AssetSummary(state.Name, state.Versions[^1].Version, state.CreatedAt, record.UpdatedAt) : null);

    public Task<Page<Snapshot<TenantState>>> ListTenantsAsync(int top, string? continuation) =>
        store.QueryAsync<TenantState, Snapshot<TenantState>>(new GrainQuery(TenantGrain.GrainType, StateKey.PlatformTenant, "", top, continuation),
            (state, record) => new(state, record.Version));

    public async Task<int> CountTenantsAsync()
    {
        var count = 0;
        string? continuation = null;
        do
        {
            var page = await store.QueryAsync(new GrainQuery(TenantGrain.GrainType, StateKey.PlatformTenant, "", GrainQuery.MaxTop, continuation));
            count += page.Items.Count;
            continuation = page.Continuation;
        }
        while (continuation is not null);
        return count;
    }
}
