using System.Text;
using System.Xml.Linq;
using Azure;
using Azure.Core;

namespace OrleansBatch.Storage.Azure.Rest;

public sealed partial class BlobContainerClient
{
    /// <summary>
    /// Uploads one uncommitted block of a block blob. <paramref name="blockId"/> is base64 and, within one
    /// blob, all ids must have the same length. Staging an id again replaces that block.
    /// </summary>
    public async Task StageBlockAsync(string blobName, string blockId, BinaryData content, string? leaseId = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(blockId);
        ArgumentNullException.ThrowIfNull(content);
        using var message = _pipeline.Create(RequestMethod.Put, BlobPath(blobName), ("comp", "block"), ("blockid", blockId));
        StorageHeaders.Apply(message.Request, null, leaseId);
        message.Request.Content = RequestContent.Create(content);
        await _pipeline.SendAsync(message, cancellationToken, 201).ConfigureAwait(false);
    }

    /// <summary>
    /// Makes the blob the given staged (or already committed) blocks in this order, atomically; blocks left
    /// out are discarded. 400 <c>InvalidBlockList</c> when an id was never staged.
    /// </summary>
    public async Task<BlobProperties> CommitBlockListAsync(
        string blobName,
        IEnumerable<string> blockIds,
        RequestConditions? conditions = null,
        string? contentType = null,
        IReadOnlyDictionary<string, string>? metadata = null,
        string? leaseId = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(blockIds);
        var list = new XElement("BlockList", blockIds.Select(id => new XElement("Latest", id)));
        using var message = _pipeline.Create(RequestMethod.Put, BlobPath(blobName), ("comp", "blocklist"));
        if (contentType is not null)
            message.Request.Headers.SetValue("x-ms-blob-content-type", contentType);
        StorageHeaders.ApplyMetadata(message.Request, metadata);
        StorageHeaders.Apply(message.Request, conditions, leaseId);
        message.Request.Headers.SetValue("Content-Type", "application/xml");
        message.Request.Content = RequestContent.Create(Encoding.UTF8.GetBytes(new XDocument(new XDeclaration("1.0", "utf-8", null), list).ToString()));
        var response = await _pipeline.SendAsync(message, cancellationToken, 201).ConfigureAwait(false);
        return Written(response);
    }
}
