namespace OrleansBatch.Storage.Azure.Rest;

/// <summary>
/// Entry point of the storage REST client: one account (from a connection string or explicit endpoints
/// and a credential), handing out container and queue clients that share its two pipelines.
/// </summary>
public sealed class StorageAccountClient
{
    private readonly StoragePipeline _blobs;
    private readonly StoragePipeline _queues;

    public StorageAccountClient(string connectionString, StorageClientOptions? options = null)
        : this(StorageConnectionString.Parse(connectionString), options)
    {
    }

    public StorageAccountClient(StorageConnectionString account, StorageClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(account);
        options ??= new StorageClientOptions();
        Account = account;
        _blobs = new StoragePipeline(account.BlobEndpoint, account.Credential, options);
        _queues = new StoragePipeline(account.QueueEndpoint, account.Credential, options);
    }

    /// <summary>The endpoints and credential in use.</summary>
    public StorageConnectionString Account { get; }

    public BlobContainerClient GetBlobContainer(string name) => new(_blobs, name);

    public QueueClient GetQueue(string name) => new(_queues, name);
}
