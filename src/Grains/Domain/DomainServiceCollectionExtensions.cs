using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OrleansBatch.Grains.Domain.Data;
using OrleansBatch.Grains.Domain.Deployments;
using OrleansBatch.Grains.Domain.Endpoints;
using OrleansBatch.Grains.Domain.Models;
using OrleansBatch.Grains.Domain.Tenants;

namespace OrleansBatch.Grains.Domain;

/// <summary>Registers the domain grains (they need a <see cref="Runtime.GrainRuntime"/> from the storage registration).</summary>
public static class DomainServiceCollectionExtensions
{
    public static IServiceCollection AddDomainGrains(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<TenantGrain>();
        services.TryAddSingleton<ModelGrain>();
        services.TryAddSingleton<DataGrain>();
        services.TryAddSingleton<EndpointGrain>();
        services.TryAddSingleton<DeploymentGrain>();
        return services;
    }
}
