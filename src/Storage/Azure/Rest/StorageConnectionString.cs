namespace OrleansBatch.Storage.Azure.Rest;

/// <summary>
/// An Azure Storage connection string, parsed: where the blob and queue services are and how to sign in.
/// Understands <c>UseDevelopmentStorage=true</c> (Azurite's well-known account on the default ports),
/// <c>AccountName</c>/<c>AccountKey</c> with <c>DefaultEndpointsProtocol</c>/<c>EndpointSuffix</c>,
/// explicit <c>BlobEndpoint</c>/<c>QueueEndpoint</c>, and <c>SharedAccessSignature</c>. With neither a key
/// nor a SAS the account is used anonymously (public containers only).
/// </summary>
public sealed record StorageConnectionString(Uri BlobEndpoint, Uri QueueEndpoint, StorageCredential Credential)
{
    /// <summary>Azurite's well-known account name.</summary>
    public const string DevelopmentAccountName = "devstoreaccount1";

    /// <summary>Azurite's well-known account key (public, documented; it protects nothing).</summary>
    public const string DevelopmentAccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    /// <summary>A connection string for Azurite's well-known account on the given loopback ports.</summary>
    public static string ForDevelopmentStorage(int blobPort, int queuePort, string host = "127.0.0.1") =>
        $"DefaultEndpointsProtocol=http;AccountName={DevelopmentAccountName};AccountKey={DevelopmentAccountKey};" +
        $"BlobEndpoint=http://{host}:{blobPort}/{DevelopmentAccountName};QueueEndpoint=http://{host}:{queuePort}/{DevelopmentAccountName};";

    /// <summary>Parses <paramref name="connectionString"/>; a <see cref="FormatException"/> says what is wrong and how to fix it.</summary>
    public static StorageConnectionString Parse(string connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
            throw new FormatException("The storage connection string is empty. Use 'UseDevelopmentStorage=true' for Azurite, or 'DefaultEndpointsProtocol=https;AccountName=...;AccountKey=...'.");

        var settings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var part in connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = part.IndexOf('=');
            if (equals <= 0)
                throw new FormatException($"The storage connection string has a part '{Redact(part)}' that is not 'Name=Value'. Separate settings with ';'.");
            settings[part[..equals].Trim()] = part[(equals + 1)..].Trim();
        }

        if (settings.TryGetValue("UseDevelopmentStorage", out var development) && bool.TryParse(development, out var useDevelopment) && useDevelopment)
        {
            var baseUri = settings.TryGetValue("DevelopmentStorageProxyUri", out var proxy) ? proxy.TrimEnd('/') : "http://127.0.0.1";
            return new StorageConnectionString(
                new Uri($"{baseUri}:10000/{DevelopmentAccountName}"),
                new Uri($"{baseUri}:10001/{DevelopmentAccountName}"),
                new SharedKeyCredential(DevelopmentAccountName, DevelopmentAccountKey));
        }

        settings.TryGetValue("AccountName", out var accountName);
        var blob = Endpoint(settings, "BlobEndpoint", "blob", accountName);
        var queue = Endpoint(settings, "QueueEndpoint", "queue", accountName);
        if (blob is null && queue is null)
            throw new FormatException("The storage connection string names no account: set AccountName (with AccountKey or SharedAccessSignature), or BlobEndpoint and QueueEndpoint.");

        StorageCredential credential;
        if (settings.TryGetValue("AccountKey", out var key) && key.Length > 0)
        {
            if (string.IsNullOrEmpty(accountName))
                throw new FormatException("The storage connection string has an AccountKey but no AccountName. Add 'AccountName=<your account>'.");
            credential = new SharedKeyCredential(accountName, key);
        }
        else if (settings.TryGetValue("SharedAccessSignature", out var sas) && sas.Length > 0)
            credential = new SasCredential(sas);
        else
            credential = AnonymousCredential.Instance;

        // A service left out is reachable through neither; point it at the other's host so errors name a real address.
        return new StorageConnectionString(blob ?? queue!, queue ?? blob!, credential);
    }

    private static Uri? Endpoint(Dictionary<string, string> settings, string name, string service, string? accountName)
    {
        if (settings.TryGetValue(name, out var explicitEndpoint) && explicitEndpoint.Length > 0)
        {
            if (!Uri.TryCreate(explicitEndpoint.TrimEnd('/'), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
                throw new FormatException($"{name} '{explicitEndpoint}' in the storage connection string is not an http(s) address, e.g. 'http://127.0.0.1:10000/devstoreaccount1'.");
            return uri;
        }
        if (string.IsNullOrEmpty(accountName))
            return null;
        var protocol = settings.TryGetValue("DefaultEndpointsProtocol", out var p) && p.Length > 0 ? p.ToLowerInvariant() : "https";
        if (protocol is not ("http" or "https"))
            throw new FormatException($"DefaultEndpointsProtocol '{protocol}' in the storage connection string must be 'http' or 'https'.");
        var suffix = settings.TryGetValue("EndpointSuffix", out var s) && s.Length > 0 ? s : "core.windows.net";
        return new Uri($"{protocol}://{accountName}.{service}.{suffix}");
    }

    // Never echo secrets back in an error message.
    private static string Redact(string part) => part.Length > 12 ? part[..12] + "..." : part;
}
