using OrleansBatch.Storage.Azure;

namespace OrleansBatch.Storage.Tests.Azure;

/// <summary>One test's own corner of the shared Azurite: a fresh container prefix; every backend opened on it stands for one silo.</summary>
public sealed class AzureStorageScope(AzuriteFixture azurite)
{
    public string Prefix { get; } = "t" + Guid.NewGuid().ToString("N")[..12];

    public AzureStorageOptions Options => new() { ConnectionString = azurite.ConnectionString, ContainerPrefix = Prefix };

    /// <summary>Another <see cref="AzureStorageBackend"/> on the same account and prefix (another silo).</summary>
    public AzureStorageBackend Open() => new(Options);
}
