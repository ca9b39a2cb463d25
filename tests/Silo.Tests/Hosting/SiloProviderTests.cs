using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OrleansBatch.Grains.Providers;
using OrleansBatch.Silo.Hosting;
using OrleansBatch.Storage.Azure;
using OrleansBatch.Storage.Local;

namespace OrleansBatch.Silo.Tests.Hosting;

/// <summary>The provider is chosen by configuration in one place, with clear errors for bad settings.</summary>
public sealed class SiloProviderTests
{
    private static IConfiguration Config(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build();

    [Fact]
    public void Local_is_the_default_and_uses_the_data_directory()
    {
        var dir = Path.Combine(Path.GetTempPath(), "obatch-provider-" + Guid.NewGuid().ToString("N"));
        var services = new ServiceCollection();

        var options = services.AddSiloProvider(Config(("OBATCH_DATA_DIR", dir), ("OBATCH_DATA_ROOTS", "/tmp:/var/tmp")));

        Assert.Equal(SiloProviderOptions.Local, options.Provider);
        Assert.Equal(dir, options.DataDirectory);
        Assert.Equal(["/tmp", "/var/tmp"], options.DataRoots);
        using var provider = services.BuildServiceProvider();
        Assert.IsType<FileArtifactStore>(provider.GetRequiredService<IArtifactStore>());
    }

    [Fact]
    public void AzureStorage_uses_the_connection_string_and_prefix_case_insensitively()
    {
        var services = new ServiceCollection();

        var options = services.AddSiloProvider(Config(("OBATCH_PROVIDER", "azurestorage"), ("OBATCH_STORAGE_CONNECTION_STRING", "UseDevelopmentStorage=true"), ("OBATCH_STORAGE_PREFIX", "team-a")));

        Assert.True(options.IsAzureStorage);
        using var provider = services.BuildServiceProvider();
        Assert.IsType<BlobArtifactStore>(provider.GetRequiredService<IArtifactStore>());
        Assert.Equal("team-a", provider.GetRequiredService<AzureStorageBackend>().Prefix);
    }

    [Fact]
    public void AzureStorage_without_a_connection_string_says_which_setting_to_set()
    {
        var e = Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddSiloProvider(Config(("OBATCH_PROVIDER", "AzureStorage"))));

        Assert.Contains("OBATCH_STORAGE_CONNECTION_STRING", e.Message, StringComparison.Ordinal);
        Assert.Contains("UseDevelopmentStorage=true", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_provider_lists_the_known_ones()
    {
        var e = Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddSiloProvider(Config(("OBATCH_PROVIDER", "Cosmos"))));

        Assert.Contains("'Cosmos' is not a provider", e.Message, StringComparison.Ordinal);
        Assert.Contains("AzureStorage", e.Message, StringComparison.Ordinal);
    }
}
