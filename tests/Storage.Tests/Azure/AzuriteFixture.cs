using OrleansBatch.Storage.Azure.Rest;

namespace OrleansBatch.Storage.Tests.Azure;

/// <summary>Class fixture: holds the shared Azurite for the life of one test class.</summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private AzuriteServer? _server;

    public AzuriteServer Server => _server ?? throw new InvalidOperationException("Azurite is not started yet.");

    public string ConnectionString => Server.ConnectionString;

    public StorageAccountClient CreateAccount(StorageClientOptions? options = null) => new(ConnectionString, options);

    public async Task InitializeAsync() => _server = await SharedAzurite.AcquireAsync();

    public async Task DisposeAsync()
    {
        if (_server is not null)
            await SharedAzurite.ReleaseAsync();
    }
}
