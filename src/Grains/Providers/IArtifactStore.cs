using OrleansBatch.Abstractions;
namespace OrleansBatch.Grains.Providers;

/// <summary>
/// Files: model artifacts, uploads, job output parts and outputs. Paths are relative, '/'-separated,
/// and chosen by the caller (tenant-scoped by the caller, e.g. <c>tenants/acme/models/iris/1/model.onnx</c>).
/// </summary>
public interface IArtifactStore
{
    /// <summary>Writes a whole file. With <paramref name="overwrite"/> false an existing file is a <see cref="IOException"/>.</summary>
    Task WriteAsync(string path, Stream content, bool overwrite, CancellationToken cancellationToken = default);

    /// <summary>Opens a file for reading; <see cref="FileNotFoundException"/> when absent.</summary>
    Task<Stream> OpenReadAsync(string path, CancellationToken cancellationToken = default);

    /// <summary>
    /// Opens the bytes from <paramref name="offset"/> on (at least <paramref name="length"/> of them, or to the end
    /// when -1; the stream may run past that). Stores that can read a range without the bytes before it override
    /// this (blobs: a ranged GET); the default opens the file and skips to the offset.
    /// </summary>
    async Task<Stream> OpenReadRangeAsync(string path, long offset, long length, CancellationToken cancellationToken = default)
    {
        var stream = await OpenReadAsync(path, cancellationToken).ConfigureAwait(false);
        if (stream.CanSeek)
        {
            stream.Position = Math.Min(offset, stream.Length);
            return stream;
        }
        var skip = new byte[81920];
        for (var left = offset; left > 0;)
        {
            var read = await stream.ReadAsync(skip.AsMemory(0, (int)Math.Min(skip.Length, left)), cancellationToken).ConfigureAwait(false);
            if (read == 0) break;
            left -= read;
        }
        return stream;
    }

    /// <summary>Size and time of a file, or null when absent.</summary>
    Task<ArtifactInfo?> GetInfoAsync(string path, CancellationToken cancellationToken = default);

    /// <summary>Files under a prefix (a folder), in ordinal name order.</summary>
    IAsyncEnumerable<ArtifactInfo> ListAsync(string prefix, CancellationToken cancellationToken = default);

    /// <summary>Deletes a file (no error when absent).</summary>
    Task DeleteAsync(string path, CancellationToken cancellationToken = default);

    /// <summary>Stages one block of a file being assembled; staging the same id again replaces it.</summary>
    Task StageBlockAsync(string path, string blockId, Stream content, CancellationToken cancellationToken = default);

    /// <summary>Joins staged blocks in the given order into the file, atomically replacing it when <paramref name="overwrite"/>.</summary>
    Task CommitBlocksAsync(string path, IReadOnlyList<string> blockIds, bool overwrite, CancellationToken cancellationToken = default);

    /// <summary>The file's path on local disk when the store is local (so scorers can read it directly), else null.</summary>
    string? TryGetLocalPath(string path);
}

/// <summary>A stored file.</summary>
public sealed record ArtifactInfo(string Path, long Length, DateTimeOffset LastModified);
