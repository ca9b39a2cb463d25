namespace OrleansBatch.Storage.Azure;

/// <summary>Settings of the AzureStorage provider: which account, and the name prefix of its containers and queues.</summary>
public sealed class AzureStorageOptions
{
    /// <summary>Configuration section the gateway and the silo bind these settings from.</summary>
    public const string SectionName = "AzureStorage";

    /// <summary>
    /// The storage account: <c>UseDevelopmentStorage=true</c> for a local Azurite, an account connection string
    /// (<c>DefaultEndpointsProtocol=https;AccountName=...;AccountKey=...;EndpointSuffix=core.windows.net</c>), or
    /// <c>BlobEndpoint=...;TableEndpoint=...;SharedAccessSignature=...</c>. Needs write access to blobs and tables.
    /// </summary>
    public string ConnectionString { get; set; } = "";

    /// <summary>
    /// Start of every container and table name the platform uses: containers <c>&lt;prefix&gt;-artifacts</c>,
    /// <c>-state</c> (large query-store records) and <c>-grains</c> (Orleans grain state); tables <c>&lt;prefix&gt;state</c>,
    /// <c>membership</c> and <c>reminders</c> (hyphens dropped).
    /// 3 to 24 lowercase letters, digits and single hyphens. Silos that share a cluster use the same prefix.
    /// </summary>
    public string ContainerPrefix { get; set; } = "obatch";

    /// <summary>Retries per request on transport failures and 408, 429, 500, 502, 503, 504 (exponential back-off).</summary>
    public int MaxRetries { get; set; } = 5;
}
