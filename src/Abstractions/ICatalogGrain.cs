namespace OrleansBatch.Abstractions;

/// <summary>
/// Lists a tenant's resources from the query store that the grains keep beside their state (lists span grains, so
/// they are not answered by one). Keyed by tenant (<see cref="TenantContext.Platform"/> lists the tenants). A
/// stateless worker: it runs on the caller's silo and never queues behind another list.
/// </summary>
[Alias("obatch.ICatalogGrain")]
public interface ICatalogGrain : IGrainWithStringKey
{
    [Alias("Endpoints")] Task<Page<Snapshot<Endpoints.EndpointState>>> ListEndpointsAsync(int top, string? continuation);

    [Alias("Deployments")] Task<Page<Snapshot<Deployments.DeploymentState>>> ListDeploymentsAsync(string endpoint, int top, string? continuation);

    [Alias("Models")] Task<Page<AssetSummary>> ListModelsAsync(int top, string? continuation);

    [Alias("Data")] Task<Page<AssetSummary>> ListDataAsync(int top, string? continuation);

    [Alias("Tenants")] Task<Page<Snapshot<Tenants.TenantState>>> ListTenantsAsync(int top, string? continuation);

    [Alias("CountTenants")] Task<int> CountTenantsAsync();
}
