using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Core;
using OrleansBatch.Grains.Providers;
using OrleansBatch.Storage.Azure.Rest;
using OrleansBatch.Storage.Local;

namespace OrleansBatch.Storage.Azure;

/// <summary>
/// Artifacts as block blobs in <c>&lt;prefix&gt;-artifacts</c>, named by their paths (checked like the Local
/// store's). A small write is one upload; a large one is staged in 4 MiB blocks and committed, never held
/// in memory whole. Writes without overwrite are <c>If-None-Match: *</c>, so of racing writers one wins.
/// Callers' blocks are staged as blob blocks and joined by committing the block list: nothing is copied.
/// Listing order is the service's (UTF-8 byte order), which is ordinal except for characters above U+FFFF.
/// </summary>
public sealed class BlobArtifactStore : IArtifactStore
{
    private readonly BlobContainerClient _blobs;
    private readonly Func<CancellationToken, Task> _ensureCreated;

    /// <summary>The provider's artifacts container (<c>&lt;prefix&gt;-artifacts</c>), created on first use.</summary>
    public BlobArtifactStore(AzureStorageBackend backend)
    {
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

    private BlobContainerClient Blobs => _blobs;

    public async Task WriteAsync(string path, Stream content, bool overwrite, CancellationToken cancellationToken = default)
    {
        ArtifactPath.Validate(path, nameof(path));
        ArgumentNullException.ThrowIfNull(content);
        await _ensureCreated(cancellationToken).ConfigureAwait(false);
        // Cheap early refusal before uploading; the conditional write below is what decides.
        if (!overwrite && await GetInfoAsync(path, cancellationToken).ConfigureAwait(false) is not null)
            throw AlreadyExists(path);
        var conditions = overwrite ? null : new RequestConditions { IfNoneMatch = ETag.All };

        var buffer = new byte[WriteBlockSize];
        var filled = await FillAsync(content, buffer, cancellationToken).ConfigureAwait(false);
        try
        {
            if (filled < buffer.Length)
            {
                await Blobs.UploadAsync(path, BinaryData.FromBytes(buffer.AsMemory(0, filled)), conditions, cancellationToken: cancellationToken).ConfigureAwait(false);
                return;
            }

            var write = Guid.NewGuid();
            var blocks = new List<string>();
            while (filled > 0)
            {
                var id = WriteBlockId(write, blocks.Count);
                await Blobs.StageBlockAsync(path, id, BinaryData.FromBytes(buffer.AsMemory(0, filled)), cancellationToken: cancellationToken).ConfigureAwait(false);
                blocks.Add(id);
                filled = await FillAsync(content, buffer, cancellationToken).ConfigureAwait(false);
            }
            await Blobs.CommitBlockListAsync(path, blocks, conditions, cancellationToken: cancellationToken).ConfigureAwait(false);
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
            return (await Blobs.DownloadAsync(path, cancellationToken: cancellationToken).ConfigureAwait(false)).Content;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            throw new FileNotFoundException($"Artifact '{path}' does not exist.", path);
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
            var range = length < 0 ? new HttpRange(offset) : new HttpRange(offset, Math.Max(1, length));
            return (await Blobs.DownloadAsync(path, range, cancellationToken: cancellationToken).ConfigureAwait(false)).Content;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            throw new FileNotFoundException($"Artifact '{path}' does not exist.", path);
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
            var properties = await Blobs.GetPropertiesAsync(path, cancellationToken: cancellationToken).ConfigureAwait(false);
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
        await foreach (var item in Blobs.ListAllBlobsAsync(folder.Length == 0 ? "" : folder + "/", cancellationToken: cancellationToken).ConfigureAwait(false))
            yield return new ArtifactInfo(item.Name, item.ContentLength, item.LastModified);
    }

    public async Task DeleteAsync(string path, CancellationToken cancellationToken = default)
    {
        ArtifactPath.Validate(path, nameof(path));
        await _ensureCreated(cancellationToken).ConfigureAwait(false);
        await Blobs.DeleteBlobIfExistsAsync(path, cancellationToken).ConfigureAwait(false);
    }

    public async Task StageBlockAsync(string path, string blockId, Stream content, CancellationToken cancellationToken = default)
    {
        ArtifactPath.Validate(path, nameof(path));
        var id = CallerBlockId(blockId);
        ArgumentNullException.ThrowIfNull(content);
        await _ensureCreated(cancellationToken).ConfigureAwait(false);
        var data = await BinaryData.FromStreamAsync(content, cancellationToken).ConfigureAwait(false);
        await Blobs.StageBlockAsync(path, id, data, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    public async Task CommitBlocksAsync(string path, IReadOnlyList<string> blockIds, bool overwrite, CancellationToken cancellationToken = default)
    {
        ArtifactPath.Validate(path, nameof(path));
        ArgumentNullException.ThrowIfNull(blockIds);
        var ids = blockIds.Select(CallerBlockId).ToList();
        await _ensureCreated(cancellationToken).ConfigureAwait(false);
        try
        {
            await Blobs.CommitBlockListAsync(path, ids, overwrite ? null : new RequestConditions { IfNoneMatch = ETag.All }, cancellationToken: cancellationToken).ConfigureAwait(false);
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

    /// <summary>Block ids of one large write: the write's id and the block's index, padded to the 32 bytes of <see cref="CallerBlockId"/>.</summary>
    private static string WriteBlockId(Guid write, int index)
    {
        var bytes = new byte[32];
        write.TryWriteBytes(bytes);
        BitConverter.TryWriteBytes(bytes.AsSpan(16), index);
        return Convert.ToBase64String(bytes);
    }

    private static async Task<int> FillAsync(Stream content, byte[] buffer, CancellationToken cancellationToken)
    {
        var filled = 0;
        while (filled < buffer.Length)
        {
            var read = await content.ReadAsync(buffer.AsMemory(filled), cancellationToken).ConfigureAwait(false);
            if (read == 0)
                break;
            filled += read;
        }
        return filled;
    }

    private static IOException AlreadyExists(string path) =>
        new($"Artifact '{path}' already exists. Choose another path, or write with overwrite: true to replace it.");
}
