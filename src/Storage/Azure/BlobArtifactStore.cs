using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Storage;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using OrleansBatch.Grains.Providers;
using OrleansBatch.Storage.Local;

namespace OrleansBatch.Storage.Azure;

/// <summary>
/// Artifacts as block blobs in <c>&lt;prefix&gt;-artifacts</c> (Azure.Storage.Blobs), named by their paths
/// (checked like the Local store's). A write is one upload when small; a large one is staged by the SDK in
/// 4 MiB blocks and committed, never held in memory whole. Writes without overwrite carry
/// <c>If-None-Match: *</c>, so of racing writers one wins. Callers' blocks are staged as blob blocks and
/// joined by committing the block list: nothing is copied. Listing order is the service's (UTF-8 byte
/// order), which is ordinal except for characters above U+FFFF.
/// </summary>
public sealed class BlobArtifactStore : IArtifactStore
{
    private readonly BlobContainerClient _blobs;
    private readonly Func<CancellationToken, Task> _ensureCreated;

    /// <summary>The provider's artifacts container (<c>&lt;prefix&gt;-artifacts</c>), created on first use.</summary>
    public BlobArtifactStore(AzureStorageBackend backend)
    {
        ArgumentNullException.ThrowIfNull(backend);
        _blobs = backend.Artifacts;
        _ensureCreated = backend.EnsureCreatedAsync;
    }

    /// <summary>Files in another, existing container (e.g. a job output path given as a blob URL); nothing is created.</summary>
    public BlobArtifactStore(BlobContainerClient container)
    {
        _blobs = container;
        _ensureCreated = _ => Task.CompletedTask;
    }

    /// <summary>Size of the blocks a large write is cut into.</summary>
    public const int WriteBlockSize = 4 * 1024 * 1024;

    private const int MaxCallerBlockIdLength = 64;

    private static readonly StorageTransferOptions Transfer = new()
    {
        InitialTransferSize = WriteBlockSize,
        MaximumTransferSize = WriteBlockSize,
        // One block in flight: a write holds one block of memory, whatever the file's size.
        MaximumConcurrency = 1,
    };

    public async Task WriteAsync(string path, Stream content, bool overwrite, CancellationToken cancellationToken = default)
    {
        ArtifactPath.Validate(path, nameof(path));
        ArgumentNullException.ThrowIfNull(content);
        await _ensureCreated(cancellationToken).ConfigureAwait(false);
        // Cheap early refusal before uploading; the conditional write below is what decides.
        if (!overwrite && await GetInfoAsync(path, cancellationToken).ConfigureAwait(false) is not null)
            throw AlreadyExists(path);
        try
        {
            await _blobs.GetBlobClient(path).UploadAsync(content, new BlobUploadOptions { Conditions = CreateOnly(overwrite), TransferOptions = Transfer }, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (!overwrite && e.Status is 409 or 412)
        {
            throw AlreadyExists(path);
        }
    }

    public async Task<Stream> OpenReadAsync(string path, CancellationToken cancellationToken = default)
    {
        ArtifactPath.Validate(path, nameof(path));
        await _ensureCreated(cancellationToken).ConfigureAwait(false);
        try
        {
            return (await _blobs.GetBlobClient(path).DownloadStreamingAsync(cancellationToken: cancellationToken).ConfigureAwait(false)).Value.Content;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            throw NotFound(path);
        }
    }

    /// <summary>A ranged GET: only the bytes asked for cross the network (a worker reads its slice of a large input).</summary>
    public async Task<Stream> OpenReadRangeAsync(string path, long offset, long length, CancellationToken cancellationToken = default)
    {
        ArtifactPath.Validate(path, nameof(path));
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        await _ensureCreated(cancellationToken).ConfigureAwait(false);
        try
        {
            return await OpenRangeAsync(_blobs.GetBlobClient(path), offset, length, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            throw NotFound(path);
        }
    }

    /// <summary>
    /// Bytes [offset, offset+length) of a blob (length -1: to the end) as a stream from the network; a range
    /// past the end is an empty stream. Shared with blob inputs, which read other containers the same way.
    /// </summary>
    public static async Task<Stream> OpenRangeAsync(BlobClient blob, long offset, long length, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(blob);
        var range = length < 0 ? new HttpRange(offset) : new HttpRange(offset, Math.Max(1, length));
        try
        {
            return (await blob.DownloadStreamingAsync(new BlobDownloadOptions { Range = range }, cancellationToken).ConfigureAwait(false)).Value.Content;
        }
        catch (RequestFailedException e) when (e.Status == 416)
        {
            return Stream.Null;
        }
    }

    public async Task<ArtifactInfo?> GetInfoAsync(string path, CancellationToken cancellationToken = default)
    {
        ArtifactPath.Validate(path, nameof(path));
        await _ensureCreated(cancellationToken).ConfigureAwait(false);
        try
        {
            var properties = (await _blobs.GetBlobClient(path).GetPropertiesAsync(cancellationToken: cancellationToken).ConfigureAwait(false)).Value;
            return new ArtifactInfo(path, properties.ContentLength, properties.LastModified);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    public async IAsyncEnumerable<ArtifactInfo> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var folder = ArtifactPath.NormalizeFolder(prefix, nameof(prefix));
        await _ensureCreated(cancellationToken).ConfigureAwait(false);
        await foreach (var item in _blobs.GetBlobsAsync(new GetBlobsOptions { Prefix = folder.Length == 0 ? null : folder + "/" }, cancellationToken).ConfigureAwait(false))
            yield return new ArtifactInfo(item.Name, item.Properties.ContentLength ?? 0, item.Properties.LastModified ?? DateTimeOffset.MinValue);
    }

    public async Task DeleteAsync(string path, CancellationToken cancellationToken = default)
    {
        ArtifactPath.Validate(path, nameof(path));
        await _ensureCreated(cancellationToken).ConfigureAwait(false);
        await _blobs.GetBlobClient(path).DeleteIfExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    public async Task StageBlockAsync(string path, string blockId, Stream content, CancellationToken cancellationToken = default)
    {
        ArtifactPath.Validate(path, nameof(path));
        var id = CallerBlockId(blockId);
        ArgumentNullException.ThrowIfNull(content);
        await _ensureCreated(cancellationToken).ConfigureAwait(false);
        // Buffered, so the SDK can resend the block on a retry.
        var data = await BinaryData.FromStreamAsync(content, cancellationToken).ConfigureAwait(false);
        await _blobs.GetBlockBlobClient(path).StageBlockAsync(id, data.ToStream(), cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    public async Task CommitBlocksAsync(string path, IReadOnlyList<string> blockIds, bool overwrite, CancellationToken cancellationToken = default)
    {
        ArtifactPath.Validate(path, nameof(path));
        ArgumentNullException.ThrowIfNull(blockIds);
        var ids = blockIds.Select(CallerBlockId).ToList();
        await _ensureCreated(cancellationToken).ConfigureAwait(false);
        try
        {
            await _blobs.GetBlockBlobClient(path).CommitBlockListAsync(ids, new CommitBlockListOptions { Conditions = CreateOnly(overwrite) }, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (!overwrite && e.Status is 409 or 412)
        {
            throw AlreadyExists(path);
        }
        catch (RequestFailedException e) when (e.Status == 400 && e.ErrorCode == "InvalidBlockList")
        {
            throw new ArgumentException($"A block of artifact '{path}' was never staged (or was committed already): {string.Join(", ", blockIds)}. Stage every block before committing.", nameof(blockIds), e);
        }
    }

    /// <summary>Blobs have no local path: scorers read them through <see cref="OpenReadAsync"/>.</summary>
    public string? TryGetLocalPath(string path)
    {
        ArtifactPath.Validate(path, nameof(path));
        return null;
    }

    private static BlobRequestConditions? CreateOnly(bool overwrite) => overwrite ? null : new BlobRequestConditions { IfNoneMatch = ETag.All };

    /// <summary>
    /// The blob block id of a caller's block id: base64 of its SHA-256, so every id has the length the service
    /// demands (one length per blob) and distinct ids stay distinct.
    /// </summary>
    private static string CallerBlockId(string blockId)
    {
        ArgumentException.ThrowIfNullOrEmpty(blockId);
        if (blockId.Length > MaxCallerBlockIdLength)
            throw new ArgumentException($"Block id '{blockId}' is too long: at most {MaxCallerBlockIdLength} characters.", nameof(blockId));
        return Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(blockId)));
    }

    private static FileNotFoundException NotFound(string path) => new($"Artifact '{path}' does not exist.", path);

    private static IOException AlreadyExists(string path) =>
        new($"Artifact '{path}' already exists. Choose another path, or write with overwrite: true to replace it.");
}
