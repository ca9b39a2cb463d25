using Azure;
using Azure.Core;
using Microsoft.Extensions.DependencyInjection;
using OrleansBatch.Grains;
using OrleansBatch.Grains.Domain.Jobs;
using OrleansBatch.Silo.Hosting;
using OrleansBatch.Storage.Azure.Rest;
using OrleansBatch.Abstractions;

namespace OrleansBatch.Silo.Inputs;

/// <summary>
/// Job inputs given as blob URLs: <c>https://&lt;account&gt;.blob.core.windows.net/&lt;container&gt;/&lt;path&gt;</c>,
/// public (anonymous), with a SAS in the query, or on the configured AzureStorage account (its key is used;
/// its own endpoint may be <c>http://</c>, as Azurite's is). A folder is a prefix: every blob under it, in
/// name order. The resolved files keep the full URL as their path, so a worker on any silo reads its range.
/// </summary>
public sealed class BlobInputs(IServiceProvider services)
{
    private readonly StorageConnectionString? _account = AccountOf(services.GetService<SiloProviderOptions>());

    /// <summary>Whether <paramref name="path"/> is a blob URL this class reads.</summary>
    public static bool IsBlobUrl(string path) =>
        path.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || path.StartsWith("http://", StringComparison.OrdinalIgnoreCase);

    /// <summary>Lists a file or a folder (prefix) of blobs; 400 InputNotAllowed / InputNotFound with what to fix.</summary>
    public async Task<JobInput> ResolveAsync(string name, string type, string url, string field, CancellationToken cancellationToken)
    {
        var location = Locate(url, field);
        var query = new Uri(url).Query;
        var files = new List<JobInputFile>();
        try
        {
            if (type != "uri_folder" && !location.Name.EndsWith('/') && location.Name.Length > 0)
            {
                var properties = await location.Container.GetPropertiesAsync(location.Name, cancellationToken: cancellationToken).ConfigureAwait(false);
                return new JobInput(name, type, url, [new JobInputFile(FileNameOf(location.Name), url, properties.ContentLength)]);
            }
            var prefix = location.Name.Length == 0 || location.Name.EndsWith('/') ? location.Name : location.Name + "/";
            await foreach (var blob in location.Container.ListAllBlobsAsync(prefix, cancellationToken: cancellationToken).ConfigureAwait(false))
                files.Add(new JobInputFile(blob.Name[prefix.Length..], BlobUrl(location.Container, blob.Name, query), blob.ContentLength));
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            throw DomainException.Invalid("InputNotFound", $"{field}: '{Redact(url)}' does not exist ({e.ErrorCode}). Check the container and path.");
        }
        catch (RequestFailedException e) when (e.Status is 401 or 403)
        {
            throw DomainException.Invalid("InputNotAllowed", $"{field}: '{Redact(url)}' cannot be read ({e.Status} {e.ErrorCode}). Add a SAS with read and list permissions to the URL, make the container public, or use the configured storage account.");
        }
        if (files.Count == 0)
            throw DomainException.Invalid("InputNotFound", $"{field}: '{Redact(url)}' holds no blobs to score.");
        files.Sort((a, b) => string.CompareOrdinal(a.FileName, b.FileName));
        return new JobInput(name, type, Redact(url), files);
    }

    /// <summary>Opens bytes [offset, offset+length) of a blob (length -1: to the end).</summary>
    public async Task<Stream> OpenRangeAsync(string url, long offset, long length, CancellationToken cancellationToken)
    {
        var location = Locate(url, "input");
        try
        {
            var range = length < 0 ? new HttpRange(offset) : new HttpRange(offset, Math.Max(1, length));
            return (await location.Container.DownloadAsync(location.Name, range, cancellationToken: cancellationToken).ConfigureAwait(false)).Content;
        }
        catch (RequestFailedException e) when (e.Status == 416)
        {
            return Stream.Null;
        }
        catch (RequestFailedException e) when (e.Status is 403 or 404)
        {
            throw new IOException($"Blob '{Redact(url)}' cannot be read: {e.Status} {e.ErrorCode}.", e);
        }
    }

    /// <summary>The URL without its query (a SAS is a secret: job records and logs show the blob, not the key).</summary>
    public static string Redact(string url)
    {
        var q = url.IndexOf('?', StringComparison.Ordinal);
        return q < 0 ? url : url[..q];
    }

    /// <summary>The container client and blob name (or prefix) of a blob URL; 400 InputNotAllowed when it is not one this silo may use.</summary>
    public BlobLocation Locate(string url, string field)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.UserInfo.Length > 0)
            throw DomainException.Invalid("InputNotAllowed", $"{field}: '{Redact(url)}' is not a valid blob URL.");
        var sas = uri.Query.Contains("sig=", StringComparison.Ordinal) ? new SasCredential(uri.Query) : null;
        var path = Uri.UnescapeDataString(uri.AbsolutePath);
        if (_account is not null && IsUnder(uri, _account.BlobEndpoint))
        {
            var rest = path[_account.BlobEndpoint.AbsolutePath.TrimEnd('/').Length..].TrimStart('/');
            return Split(new StorageConnectionString(_account.BlobEndpoint, _account.QueueEndpoint, sas ?? _account.Credential), rest, url, field);
        }
        if (uri.Scheme != Uri.UriSchemeHttps)
            throw DomainException.Invalid("InputNotAllowed", $"{field}: '{Redact(url)}' is not allowed: blob inputs must be https:// (plain http only for the configured storage account).");
        // Path-style addresses (an IP or localhost: emulators) carry the account as the first segment.
        var pathStyle = uri.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6 || uri.IsLoopback;
        var segments = path.TrimStart('/');
        var endpoint = $"{uri.Scheme}://{uri.Authority}";
        if (pathStyle)
        {
            var slash = segments.IndexOf('/', StringComparison.Ordinal);
            if (slash < 0)
                throw DomainException.Invalid("InputNotAllowed", $"{field}: '{Redact(url)}' names no container.");
            endpoint += "/" + segments[..slash];
            segments = segments[(slash + 1)..];
        }
        var endpointUri = new Uri(endpoint);
        return Split(new StorageConnectionString(endpointUri, endpointUri, (StorageCredential?)sas ?? AnonymousCredential.Instance), segments, url, field);
    }

    private static BlobLocation Split(StorageConnectionString account, string containerAndPath, string url, string field)
    {
        var slash = containerAndPath.IndexOf('/', StringComparison.Ordinal);
        var container = slash < 0 ? containerAndPath : containerAndPath[..slash];
        if (!ContainerName.IsValid(container))
            throw DomainException.Invalid("InputNotAllowed", $"{field}: '{Redact(url)}' names no valid container ('{container}').");
        var name = slash < 0 ? "" : containerAndPath[(slash + 1)..];
        return new BlobLocation(new StorageAccountClient(account).GetBlobContainer(container), name);
    }

    private static bool IsUnder(Uri uri, Uri endpoint) =>
        string.Equals(uri.Scheme, endpoint.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(uri.Authority, endpoint.Authority, StringComparison.OrdinalIgnoreCase)
        && (uri.AbsolutePath + "/").StartsWith(endpoint.AbsolutePath.TrimEnd('/') + "/", StringComparison.Ordinal);

    private static string BlobUrl(BlobContainerClient container, string blobName, string query) =>
        $"{container.Uri.ToString().TrimEnd('/')}/{string.Join('/', blobName.Split('/').Select(Uri.EscapeDataString))}{query}";

    private static string FileNameOf(string blobName) => blobName[(blobName.LastIndexOf('/') + 1)..];

    private static StorageConnectionString? AccountOf(SiloProviderOptions? provider) =>
        provider is { IsAzureStorage: true, ConnectionString: { } connection } ? StorageConnectionString.Parse(connection) : null;
}
