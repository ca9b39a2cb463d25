using Azure.Storage.Blobs;

namespace OrleansBatch.Storage.Tests.Azure;

/// <summary>Class fixture: holds the shared Azurite for the life of one test class.</summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private AzuriteServer? _server;

    public AzuriteServer Server => _server ?? throw new InvalidOperationException("Azurite is not started yet.");

    public string ConnectionString => Server.ConnectionString;

    /// <summary>The account's blob service, as any SDK user would open it.</summary>
    public BlobServiceClient CreateBlobService() => new(ConnectionString);

    public async Task InitializeAsync() => _server = await SharedAzurite.AcquireAsync();

    public async Task DisposeAsync()
    {
        if (_server is not null)
            await SharedAzurite.ReleaseAsync();
    }
}
