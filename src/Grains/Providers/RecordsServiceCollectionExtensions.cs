using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OrleansBatch.Abstractions;

namespace OrleansBatch.Grains.Providers;

/// <summary>Registers <see cref="Records"/>.</summary>
public static class RecordsServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="Records"/> as a singleton (one per silo) and <see cref="TimeProvider.System"/> unless a
    /// clock is registered already. A query store (e.g. <c>AddLocalStorage</c>) must be registered too.
    /// </summary>
    public static IServiceCollection AddRecords(this IServiceCollection services, Action<RecordsOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<RecordsOptions>();
        if (configure is not null)
            options.Configure(configure);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<Records>();
        return services;
    }
}
