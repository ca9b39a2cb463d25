using Azure.Core;

namespace OrleansBatch.Storage.Azure.Rest;

/// <summary>
/// Pipeline settings of the storage REST client. Retries (Azure.Core's <see cref="RetryOptions"/>) cover
/// transport failures and 408, 429, 500, 502, 503 and 504 responses, with exponential back-off.
/// </summary>
public sealed class StorageClientOptions : ClientOptions
{
    /// <summary>The REST API version sent as <c>x-ms-version</c>; supported by Azure and by Azurite 3.37.</summary>
    public const string DefaultApiVersion = "2021-08-06";

    public StorageClientOptions()
    {
        Retry.MaxRetries = 5;
        Retry.Mode = RetryMode.Exponential;
        Retry.Delay = TimeSpan.FromMilliseconds(200);
        Retry.MaxDelay = TimeSpan.FromSeconds(10);
        Retry.NetworkTimeout = TimeSpan.FromSeconds(100);
        Diagnostics.IsLoggingContentEnabled = false;
        Diagnostics.ApplicationId = "OrleansBatch";
    }

    /// <summary>The <c>x-ms-version</c> header value.</summary>
    public string ApiVersion { get; set; } = DefaultApiVersion;
}
