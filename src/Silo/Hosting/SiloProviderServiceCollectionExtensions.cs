using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OrleansBatch.Storage.Azure;
using OrleansBatch.Storage.Local;

namespace OrleansBatch.Silo.Hosting;

/// <summary>The one place where the gateway and the silo host pick their provider from configuration.</summary>
public static class SiloProviderServiceCollectionExtensions
{
    /// <summary>
    /// Registers the provider named by <c>OBATCH_PROVIDER</c> for every provider interface, and the
    /// <see cref="SiloProviderOptions"/> read. A bad setting (unknown provider, AzureStorage without a
    /// connection string) throws <see cref="InvalidOperationException"/> here, before the host starts,
    /// with a message naming the setting to fix. <paramref name="dataDirectory"/>, when given, supplies the Local
    /// provider's folder lazily (a gateway under a test host sees its configuration only once built).
    /// </summary>
    public static SiloProviderOptions AddSiloProvider(this IServiceCollection services, IConfiguration configuration, Func<IServiceProvider, string>? dataDirectory = null)
    {
        var options = Read(configuration);
        services.TryAddSingleton(options);
        if (options.IsAzureStorage)
        {
            services.AddAzureStorage(o =>
            {
                o.ConnectionString = options.ConnectionString!;
                o.ContainerPrefix = options.ContainerPrefix;
            });
        }
        else
        {
            services.AddLocalStorage(o => o.DataDirectory = options.DataDirectory);
            if (dataDirectory is not null)
                services.AddOptions<LocalStorageOptions>().Configure<IServiceProvider>((o, sp) => o.DataDirectory = dataDirectory(sp));
        }
        return options;
    }

    /// <summary>Reads and checks the provider settings.</summary>
    public static SiloProviderOptions Read(IConfiguration configuration)
    {
        var provider = NonEmpty(configuration[SiloProviderOptions.ProviderKey]) ?? SiloProviderOptions.Local;
        var options = new SiloProviderOptions
        {
            DataDirectory = SiloProviderOptions.ReadDataDirectory(configuration),
            ConnectionString = NonEmpty(configuration[SiloProviderOptions.ConnectionStringKey]),
            ContainerPrefix = NonEmpty(configuration[SiloProviderOptions.ContainerPrefixKey]) ?? "obatch",
            DataRoots = SiloProviderOptions.ReadDataRoots(configuration),
        };
        if (string.Equals(provider, SiloProviderOptions.Local, StringComparison.OrdinalIgnoreCase))
            options.Provider = SiloProviderOptions.Local;
        else if (string.Equals(provider, SiloProviderOptions.AzureStorage, StringComparison.OrdinalIgnoreCase))
            options.Provider = SiloProviderOptions.AzureStorage;
        else
            throw new InvalidOperationException($"{SiloProviderOptions.ProviderKey}='{provider}' is not a provider: use '{SiloProviderOptions.Local}' (the default: SQLite and files in {SiloProviderOptions.DataDirectoryKey}) or '{SiloProviderOptions.AzureStorage}' (blobs and queues of a storage account).");
        // Remote input settings are read where inputs are resolved; read here too so a bad value stops the start.
        _ = Inputs.RemoteAccessPolicy.From(configuration);
        if (options.IsAzureStorage && options.ConnectionString is null)
            throw new InvalidOperationException($"{SiloProviderOptions.ProviderKey}=AzureStorage needs {SiloProviderOptions.ConnectionStringKey}: set it to 'UseDevelopmentStorage=true' (or an Azurite connection string) for a local Azurite, or to the storage account's connection string (Azure portal: Storage account > Access keys).");
        return options;
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
