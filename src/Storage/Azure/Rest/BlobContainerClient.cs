using System.Xml.Linq;
using Azure;
using Azure.Core;

namespace OrleansBatch.Storage.Azure.Rest;

/// <summary>
/// One blob container over the Blob service REST API: the container itself, listing, and (in the other
/// parts of this class) reads, writes, blocks and leases of its blobs.
/// </summary>
public sealed partial class BlobContainerClient
{
    private readonly StoragePipeline _pipeline;

    internal BlobContainerClient(StoragePipeline pipeline, string name)
    {
        ContainerName.Validate(name, nameof(name));
        _pipeline = pipeline;
        Name = name;
    }

    /// <summary>The container's name.</summary>
    public string Name { get; }

    /// <summary>The container's address (without any SAS).</summary>
    public Uri Uri => new($"{_pipeline.Endpoint.ToString().TrimEnd('/')}/{Name}");

    /// <summary>
    /// Creates the container unless it exists; true when this call created it. <paramref name="publicAccess"/>
    /// (<c>blob</c> or <c>container</c>) lets anonymous clients read.
    /// </summary>
    public async Task<bool> CreateIfNotExistsAsync(string? publicAccess = null, CancellationToken cancellationToken = default)
    {
        using var message = _pipeline.Create(RequestMethod.Put, Name, ("restype", "container"));
        if (publicAccess is not null)
            message.Request.Headers.SetValue("x-ms-blob-public-access", publicAccess);
        try
        {
            await _pipeline.SendAsync(message, cancellationToken, 201).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409 && e.ErrorCode == "ContainerAlreadyExists")
        {
            return false;
        }
    }

    /// <summary>Deletes the container and every blob in it.</summary>
    public async Task DeleteAsync(CancellationToken cancellationToken = default)
    {
        using var message = _pipeline.Create(RequestMethod.Delete, Name, ("restype", "container"));
        await _pipeline.SendAsync(message, cancellationToken, 202).ConfigureAwait(false);
    }

    /// <summary>
    /// One page of the blobs whose names start with <paramref name="prefix"/>, in the service's name order
    /// (UTF-8 byte order), at most <paramref name="maxResults"/> (1 to 5000), with their metadata.
    /// </summary>
    public async Task<BlobListPage> ListBlobsAsync(string prefix = "", string? marker = null, int maxResults = 5000, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxResults, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxResults, 5000);
        var query = new List<(string, string)> { ("restype", "container"), ("comp", "list"), ("include", "metadata"), ("maxresults", maxResults.ToString(System.Globalization.CultureInfo.InvariantCulture)) };
        if (prefix.Length > 0)
            query.Add(("prefix", prefix));
        if (!string.IsNullOrEmpty(marker))
            query.Add(("marker", marker));
        using var message = _pipeline.Create(RequestMethod.Get, Name, [.. query]);
        var response = await _pipeline.SendAsync(message, cancellationToken, 200).ConfigureAwait(false);
        return ParseList(response.Content.ToString());
    }

    /// <summary>Every blob under <paramref name="prefix"/>, following continuation markers page by page.</summary>
    public async IAsyncEnumerable<BlobItem> ListAllBlobsAsync(string prefix = "", int pageSize = 5000, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        string? marker = null;
        do
        {
            var page = await ListBlobsAsync(prefix, marker, pageSize, cancellationToken).ConfigureAwait(false);
            foreach (var item in page.Items)
                yield return item;
            marker = page.NextMarker;
        } while (marker is not null);
    }

    private static BlobListPage ParseList(string xml)
    {
        var root = XDocument.Parse(xml).Root ?? throw new FormatException("The blob listing had no root element.");
        var items = new List<BlobItem>();
        foreach (var blob in root.Element("Blobs")?.Elements("Blob") ?? [])
        {
            var nameElement = blob.Element("Name")!;
            // Names with characters XML cannot carry come percent-encoded, flagged Encoded="true".
            var name = (string?)nameElement.Attribute("Encoded") == "true" ? Uri.UnescapeDataString(nameElement.Value) : nameElement.Value;
            var properties = blob.Element("Properties");
            var metadata = (blob.Element("Metadata")?.Elements() ?? [])
                .ToDictionary(e => e.Name.LocalName.ToLowerInvariant(), e => e.Value, StringComparer.OrdinalIgnoreCase);
            items.Add(new BlobItem(
                name,
                long.TryParse(properties?.Element("Content-Length")?.Value, out var length) ? length : 0,
                properties?.Element("Last-Modified") is { } modified ? StorageHeaders.ParseDate(modified.Value) : default,
                new ETag(properties?.Element("Etag")?.Value ?? ""),
                metadata));
        }
        var next = root.Element("NextMarker")?.Value;
        return new BlobListPage(items, string.IsNullOrEmpty(next) ? null : next);
    }

    /// <summary>The escaped path of a blob below the endpoint: container, then the name with each segment escaped.</summary>
    private string BlobPath(string blobName)
    {
        ArgumentException.ThrowIfNullOrEmpty(blobName);
        if (blobName.Length > 1024)
            throw new ArgumentException($"Blob name '{blobName[..40]}...' is {blobName.Length} characters; Azure allows at most 1024.", nameof(blobName));
        return $"{Name}/{string.Join('/', blobName.Split('/').Select(Uri.EscapeDataString))}";
    }
}
