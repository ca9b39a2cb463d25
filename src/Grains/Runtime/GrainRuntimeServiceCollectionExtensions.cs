using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OrleansBatch.Abstractions;

namespace OrleansBatch.Grains.Runtime;

/// <summary>Registers the grain runtime of a silo.</summary>
public static class GrainRuntimeServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="GrainRuntime"/> as a singleton (one per silo) and <see cref="TimeProvider.System"/> unless a
    /// clock is registered already. A grain state store (e.g. <c>AddLocalStorage</c>) must be registered too.
    /// </summary>
    public static IServiceCollection AddGrainRuntime(this IServiceCollection services, Action<GrainRuntimeOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<GrainRuntimeOptions>();
        if (configure is not null)
            options.Configure(configure);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<GrainRuntime>();
        return services;
    }
}
