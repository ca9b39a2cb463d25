using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OrleansBatch.Grains.Providers;

namespace OrleansBatch.Storage.Azure;

/// <summary>Registers the AzureStorage provider (blobs and storage queues of one account) for every provider interface.</summary>
public static class AzureStorageServiceCollectionExtensions
{
    /// <summary>Uses the AzureStorage provider on the account in <paramref name="connectionString"/>.</summary>
    public static IServiceCollection AddAzureStorage(this IServiceCollection services, string connectionString) =>
        services.AddAzureStorage(options => options.ConnectionString = connectionString);

    /// <summary>
    /// Uses the AzureStorage provider for the query store and the artifacts, all as
    /// singletons over one <see cref="AzureStorageBackend"/>. The options are validated when the host starts
    /// (a bad connection string or prefix stops the start with a message), and the containers are created then.
    /// </summary>
    public static IServiceCollection AddAzureStorage(this IServiceCollection services, Action<AzureStorageOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);

        services.AddOptions<AzureStorageOptions>().Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AzureStorageOptions>, AzureStorageOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        services.TryAddSingleton(sp => new AzureStorageBackend(sp.GetRequiredService<IOptions<AzureStorageOptions>>().Value, sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<IGrainStateStore>(sp => new TableGrainStateStore(sp.GetRequiredService<AzureStorageBackend>()));
        services.TryAddSingleton<IArtifactStore>(sp => new BlobArtifactStore(sp.GetRequiredService<AzureStorageBackend>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, AzureStorageStartup>());
        return services;
    }
}
