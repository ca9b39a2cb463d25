using OrleansBatch.Abstractions.Data;
using OrleansBatch.Abstractions.Deployments;
using OrleansBatch.Abstractions.Endpoints;
using OrleansBatch.Abstractions.Models;
using OrleansBatch.Abstractions.Tenants;

namespace OrleansBatch.Abstractions;

/// <summary>Typed access to a tenant's grains by name, the one way every caller builds their keys.</summary>
public static class GrainFactoryExtensions
{
    public static ITenantGrain Tenant(this IGrainFactory grains, string tenant) => grains.GetGrain<ITenantGrain>(tenant);

    public static IModelGrain Model(this IGrainFactory grains, string tenant, string model) => grains.GetGrain<IModelGrain>(GrainKeys.Of(tenant, model));

    public static IDataGrain Data(this IGrainFactory grains, string tenant, string data) => grains.GetGrain<IDataGrain>(GrainKeys.Of(tenant, data));

    public static IEndpointGrain Endpoint(this IGrainFactory grains, string tenant, string endpoint) => grains.GetGrain<IEndpointGrain>(GrainKeys.Of(tenant, endpoint));

    public static IDeploymentGrain Deployment(this IGrainFactory grains, string tenant, string endpoint, string deployment) =>
        grains.GetGrain<IDeploymentGrain>(GrainKeys.Of(tenant, endpoint, deployment));

    /// <summary>A tenant's jobs: invoke, read, list, cancel, errors, output.</summary>
    public static Jobs.IJobsGrain Jobs(this IGrainFactory grains, string tenant) => grains.GetGrain<Jobs.IJobsGrain>(tenant);

    /// <summary>The lists of a tenant (or, for <see cref="TenantContext.Platform"/>, the tenants).</summary>
    public static ICatalogGrain Catalog(this IGrainFactory grains, string tenant) => grains.GetGrain<ICatalogGrain>(tenant);
}
