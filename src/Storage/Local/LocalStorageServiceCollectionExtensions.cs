using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OrleansBatch.Grains.Providers;

namespace OrleansBatch.Storage.Local;

/// <summary>Registers the Local provider (SQLite + files in one data directory) for every provider interface.</summary>
public static class LocalStorageServiceCollectionExtensions
{
    /// <summary>Uses the Local provider with its data in <paramref name="dataDirectory"/>.</summary>
    public static IServiceCollection AddLocalStorage(this IServiceCollection services, string dataDirectory) =>
        services.AddLocalStorage(options => options.DataDirectory = dataDirectory);

    /// <summary>
    /// Uses the Local provider for the query store and the artifacts, as singletons over one
    /// <see cref="LocalDatabase"/> (Orleans grain state and reminders are configured with the silo). The options are validated when the host starts
    /// (an unwritable data directory stops the start with a message), and the schema is created then.
    /// </summary>
    public static IServiceCollection AddLocalStorage(this IServiceCollection services, Action<LocalStorageOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);

        services.AddOptions<LocalStorageOptions>().Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<LocalStorageOptions>, LocalStorageOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        services.TryAddSingleton(sp => new LocalDatabase(sp.GetRequiredService<IOptions<LocalStorageOptions>>().Value, sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<IGrainStateStore>(sp => new SqliteGrainStateStore(sp.GetRequiredService<LocalDatabase>()));
        services.TryAddSingleton<IArtifactStore>(sp => new FileArtifactStore(sp.GetRequiredService<LocalDatabase>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, LocalStorageStartup>());
        return services;
    }
}
