using System.Text.RegularExpressions;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OrleansBatch.Grains;
using OrleansBatch.Grains.Domain.Jobs;
using OrleansBatch.Silo.Hosting;
using OrleansBatch.Abstractions;
using OrleansBatch.Storage.Azure;

namespace OrleansBatch.Silo.Inputs;

/// <summary>
/// Job inputs and outputs given as blob URLs. On the platform's own account (<see cref="OwnStorageAccount"/>)
/// they are the tenant's artifact files. On any other account they are read through Azure.Storage.Blobs with
/// the caller's SAS from the URL (never anonymously, never with our key), only on hosts the
/// <see cref="RemoteAccessPolicy"/> allows: <c>https://&lt;host&gt;/&lt;container&gt;/&lt;path&gt;</c>, path-style
/// (<c>https://&lt;ip&gt;/&lt;account&gt;/&lt;container&gt;/...</c>) for addresses. A folder is a prefix: every blob
/// under it, in name order. Resolved files keep the full URL as their path, so a worker on any silo reads its range.
/// </summary>
public sealed partial class BlobInputs(IServiceProvider services)
{
    private readonly OwnStorageAccount? _own = services.GetService<SiloProviderOptions>() is { IsAzureStorage: true, ConnectionString: { } connection } provider
        ? new OwnStorageAccount(connection, provider.ContainerPrefix)
        : null;

    /// <summary>Where remote inputs and outputs may go, from <c>OBATCH_ALLOWED_HOSTS</c> and <c>OBATCH_REMOTE_TIMEOUT</c>.</summary>
    public RemoteAccessPolicy Policy { get; } = RemoteAccessPolicy.From(services.GetService<IConfiguration>());

    /// <summary>Whether <paramref name="path"/> is a blob URL this class reads.</summary>
    public static bool IsBlobUrl(string path) =>
        path.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || path.StartsWith("http://", StringComparison.OrdinalIgnoreCase);

    /// <summary>The URL without its query: a SAS is a secret, so records and logs show the blob, not the key.</summary>
    public static string Redact(string url) => SasRedaction.Url(url);

    /// <summary>
    /// For a URL on the platform's own account: the calling tenant's artifact path it names (400 <paramref name="code"/>
    /// outside the tenant's files). Null for a URL on any other account.
    /// </summary>
    public string? OwnArtifactPath(string tenant, string url, string field, string code)
    {
        var uri = Parse(url, field, code);
        return _own is not null && _own.Contains(uri) ? _own.ArtifactPath(uri, tenant, field, code) : null;
    }

    /// <summary>Lists a blob or a folder (prefix) of another account; 400 InputNotAllowed / InputNotFound / InputUnreachable with what to fix.</summary>
    public async Task<JobInput> ResolveAsync(string name, string type, string url, string field, CancellationToken cancellationToken)
    {
        var location = Locate(url, field);
        var query = new Uri(url).Query;
        var files = new List<JobInputFile>();
        var single = type != "uri_folder" && !location.Name.EndsWith('/') && location.Name.Length > 0;
        await CallAsync(url, field, "Input", async ct =>
        {
            if (single)
            {
                var properties = (await location.Container.GetBlobClient(location.Name).GetPropertiesAsync(cancellationToken: ct).ConfigureAwait(false)).Value;
                files.Add(new JobInputFile(FileNameOf(location.Name), url, properties.ContentLength));
                return;
            }
            var prefix = location.Name.Length == 0 || location.Name.EndsWith('/') ? location.Name : location.Name + "/";
            await foreach (var blob in location.Container.GetBlobsAsync(new GetBlobsOptions { Prefix = prefix }, ct).ConfigureAwait(false))
                files.Add(new JobInputFile(blob.Name[prefix.Length..], BlobUrl(location.Container, blob.Name, query), blob.Properties.ContentLength ?? 0));
        }, cancellationToken).ConfigureAwait(false);
        if (files.Count == 0)
            throw DomainException.Invalid("InputNotFound", $"{field}: '{Redact(url)}' holds no blobs to score.");
        files.Sort((a, b) => string.CompareOrdinal(a.FileName, b.FileName));
        return new JobInput(name, single ? "uri_file" : "uri_folder", Redact(url), files);
    }

    /// <summary>
    /// Runs a call to another account within the policy's wait and turns its failures into 400s with what to
    /// fix; the remote answer's body is never shown, only its status and a well-formed error code.
    /// </summary>
    public async Task CallAsync(string url, string field, string kind, Func<CancellationToken, Task> call, CancellationToken cancellationToken)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        wait.CancelAfter(Policy.Timeout);
        try
        {
            await call(wait.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (Refusal(e) is { } refused)
        {
            throw DomainException.Invalid($"{kind}NotAllowed", $"{field}: {refused.Message}");
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            throw DomainException.Invalid($"{kind}NotFound", $"{field}: '{Redact(url)}' does not exist ({ErrorCode(e)}). Check the container and path.");
        }
        catch (RequestFailedException e) when (e.Status is 401 or 403)
        {
            throw DomainException.Invalid($"{kind}NotAllowed", $"{field}: '{Redact(url)}' cannot be used ({e.Status} {ErrorCode(e)}). Add a SAS with read and list (for outputs also write and create) permissions to the URL.");
        }
        catch (RequestFailedException e) when (e.Status is >= 300 and < 400)
        {
            throw DomainException.Invalid($"{kind}NotAllowed", $"{field}: '{Redact(url)}' answered with a redirect ({e.Status}); redirects are not followed. Use the final address.");
        }
        catch (Exception e) when (e is RequestFailedException or OperationCanceledException or AggregateException or HttpRequestException or IOException && !cancellationToken.IsCancellationRequested)
        {
            var status = e is RequestFailedException { Status: > 0 } r ? $" (answered {r.Status} {ErrorCode(r)})" : "";
            throw DomainException.Invalid($"{kind}Unreachable", $"{field}: '{Redact(url)}' could not be reached within {Policy.Timeout.TotalSeconds:0.#} s{status}. Check the address, or try again later.");
        }
    }

    /// <summary>Opens bytes [offset, offset+length) of a blob of another account (length -1: to the end).</summary>
    public async Task<Stream> OpenRangeAsync(string url, long offset, long length, CancellationToken cancellationToken)
    {
        var location = Locate(url, "input");
        try
        {
            return await BlobArtifactStore.OpenRangeAsync(location.Container.GetBlobClient(location.Name), offset, length, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (Refusal(e) is { } refused)
        {
            throw new IOException($"Blob '{Redact(url)}' cannot be read: {refused.Message}", refused);
        }
        catch (RequestFailedException e)
        {
            // Status and error code only: the body is the remote host's text and never reaches an item error.
            throw new IOException($"Blob '{Redact(url)}' cannot be read: {(e.Status == 0 ? "unreachable" : $"{e.Status} {ErrorCode(e)}")}.", e);
        }
    }

    /// <summary>
    /// The container client (SAS from the URL, through the policy's HTTP client) and blob name or prefix of a URL
    /// on another account; 400 <paramref name="code"/> when it is not one that may be used.
    /// </summary>
    public BlobLocation Locate(string url, string field, string code = "InputNotAllowed")
    {
        var uri = Parse(url, field, code);
        if (_own is not null && _own.Contains(uri))
            throw DomainException.Invalid(code, $"{field}: '{Redact(url)}' is on the platform's storage account; it is used only as your own files, through invoke.");
        Policy.Check(uri, field, code);
        if (!Policy.AllowsScheme(uri))
            throw DomainException.Invalid(code, $"{field}: '{Redact(url)}' is not allowed: remote inputs and outputs must be https:// (plain http only for the configured storage account and the hosts in {RemoteAccessPolicy.AllowedHttpHostsKey}).");
        if (!uri.Query.Contains("sig=", StringComparison.Ordinal))
            throw DomainException.Invalid(code, $"{field}: '{Redact(url)}' carries no SAS. Blobs of other accounts are used only with a SAS in the URL (read and list; for outputs also write and create).");
        // Path-style addresses (an IP or localhost) carry the account as the first segment.
        var segments = Uri.UnescapeDataString(uri.AbsolutePath).TrimStart('/');
        var endpoint = $"{uri.Scheme}://{uri.Authority}";
        if (uri.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6 || uri.IsLoopback)
        {
            var slash = segments.IndexOf('/', StringComparison.Ordinal);
            if (slash < 0)
                throw DomainException.Invalid(code, $"{field}: '{Redact(url)}' names no container.");
            endpoint += "/" + Uri.EscapeDataString(segments[..slash]);
            segments = segments[(slash + 1)..];
        }
        var split = segments.IndexOf('/', StringComparison.Ordinal);
        var container = split < 0 ? segments : segments[..split];
        if (!ContainerName.IsValid(container))
            throw DomainException.Invalid(code, $"{field}: '{Redact(url)}' names no valid container ('{container}').");
        return new BlobLocation(Policy.Container(new Uri($"{endpoint}/{container}{uri.Query}")), split < 0 ? "" : segments[(split + 1)..]);
    }

    private static Uri Parse(string url, string field, string code) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.UserInfo.Length == 0 && IsBlobUrl(url)
            ? uri
            : throw DomainException.Invalid(code, $"{field}: '{Redact(url)}' is not a valid blob URL.");

    private static RemoteHostRefusedException? Refusal(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is RemoteHostRefusedException refused)
                return refused;
            if (e is AggregateException aggregate)
                return aggregate.InnerExceptions.Select(Refusal).FirstOrDefault(r => r is not null);
        }
        return null;
    }

    /// <summary>The service's error code when it looks like one (a word); a hostile server's text is not repeated.</summary>
    private static string ErrorCode(RequestFailedException e) => e.ErrorCode is { } code && ErrorCodeRule().IsMatch(code) ? code : "";

    private static string BlobUrl(BlobContainerClient container, string blobName, string query) =>
        $"{container.Uri.GetLeftPart(UriPartial.Path).TrimEnd('/')}/{string.Join('/', blobName.Split('/').Select(Uri.EscapeDataString))}{query}";

    private static string FileNameOf(string blobName) => blobName[(blobName.LastIndexOf('/') + 1)..];

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{0,63}$")]
    private static partial Regex ErrorCodeRule();
}
