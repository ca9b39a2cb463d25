using Azure;
using Azure.Core;

namespace OrleansBatch.Storage.Azure.Rest;

public sealed partial class BlobContainerClient
{
    /// <summary>Reads a whole blob (or a range) into memory with its properties.</summary>
    public async Task<(BinaryData Content, BlobProperties Properties)> DownloadContentAsync(string blobName, HttpRange? range = null, RequestConditions? conditions = null, CancellationToken cancellationToken = default)
    {
        using var message = _pipeline.Create(RequestMethod.Get, BlobPath(blobName));
        if (range is { } r)
            message.Request.Headers.SetValue("x-ms-range", r.ToString());
        StorageHeaders.Apply(message.Request, conditions);
        var response = await _pipeline.SendAsync(message, cancellationToken, 200, 206).ConfigureAwait(false);
        return (response.Content, StorageHeaders.ReadProperties(response));
    }

    /// <summary>
    /// Writes a whole block blob in one call. <paramref name="conditions"/> make it conditional: <c>IfNoneMatch = ETag.All</c>
    /// creates only (409 <c>BlobAlreadyExists</c> otherwise), <c>IfMatch = etag</c> replaces only that version (412).
    /// Returns the new properties (etag, time).
    /// </summary>
    public async Task<BlobProperties> UploadAsync(
        string blobName,
        BinaryData content,
        RequestConditions? conditions = null,
        string? contentType = null,
        IReadOnlyDictionary<string, string>? metadata = null,
        string? leaseId = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        using var message = _pipeline.Create(RequestMethod.Put, BlobPath(blobName));
        message.Request.Headers.SetValue("x-ms-blob-type", "BlockBlob");
        if (contentType is not null)
            message.Request.Headers.SetValue("Content-Type", contentType);
        StorageHeaders.ApplyMetadata(message.Request, metadata);
        StorageHeaders.Apply(message.Request, conditions, leaseId);
        message.Request.Content = RequestContent.Create(content);
        var response = await _pipeline.SendAsync(message, cancellationToken, 201).ConfigureAwait(false);
        return Written(response);
    }

    /// <summary>Deletes a blob (and its snapshots), optionally only at an etag or under a lease. 404 <c>BlobNotFound</c> when absent.</summary>
    public async Task DeleteBlobAsync(string blobName, RequestConditions? conditions = null, string? leaseId = null, CancellationToken cancellationToken = default)
    {
        using var message = _pipeline.Create(RequestMethod.Delete, BlobPath(blobName));
        message.Request.Headers.SetValue("x-ms-delete-snapshots", "include");
        StorageHeaders.Apply(message.Request, conditions, leaseId);
        await _pipeline.SendAsync(message, cancellationToken, 202).ConfigureAwait(false);
    }

    private static BlobProperties Written(Response response) =>
        new(StorageHeaders.ETagOf(response), StorageHeaders.LastModifiedOf(response), 0, null, new Dictionary<string, string>(), null);
}
