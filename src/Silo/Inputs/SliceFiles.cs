using OrleansBatch.Abstractions.Jobs;
using OrleansBatch.Grains.Domain.Jobs;
using OrleansBatch.Grains.Providers;
using OrleansBatch.Scoring.Tabular;
using OrleansBatch.Silo.Jobs;
using OrleansBatch.Silo.Workers;

namespace OrleansBatch.Silo.Inputs;

/// <summary>
/// Gives workers a local path for every slice, whatever holds the input: a local file is used in place;
/// a file of a store without local paths (blobs) or a blob URL is fetched into a temporary file. A byte
/// range of a large tabular file fetches only what its slice reads, written at the same offsets of a
/// sparse file: the header line, the byte before the range (is it at a line start?), the range, and the
/// rest of its last line. So a silo reading one mini-batch of a 10 GB CSV moves about a mini-batch.
/// </summary>
public sealed class SliceFiles(IArtifactStore artifacts, BlobInputs blobs)
{
    private const int Chunk = 64 * 1024;

    /// <summary>Stages every slice of <paramref name="work"/> (dispose the result to delete the copies).</summary>
    public async Task<StagedSlices> StageAsync(MiniBatchWork work, CancellationToken cancellationToken)
    {
        var paths = new Dictionary<int, string>();
        string? folder = null;
        try
        {
            for (var i = 0; i < work.Slices.Count; i++)
            {
                var slice = work.Slices[i];
                if (LocalPathOf(slice.Path, slice.InArtifactStore) is { } local)
                {
                    paths[i] = local;
                    continue;
                }
                folder ??= Directory.CreateTempSubdirectory("obatch-slices-").FullName;
                var target = Path.Combine(folder, $"{i}-{SafeName(slice.FileName)}");
                // A Parquet range needs the footer and the row groups it owns, wherever they lie: the whole file.
                var whole = ParquetSlices.IsParquet(slice.FileName);
                await FetchAsync(slice.Path, slice.InArtifactStore, whole ? 0 : slice.Offset, whole ? -1 : slice.Length, target, cancellationToken).ConfigureAwait(false);
                paths[i] = target;
            }
            return new StagedSlices(paths, folder);
        }
        catch
        {
            new StagedSlices(paths, folder).Dispose();
            throw;
        }
    }

    /// <summary>Bytes per row of a tabular file, for plans in rows: from a Parquet file's footer, else estimated from its first 64 KB of lines.</summary>
    public async Task<double> BytesPerRowAsync(JobInputFile file, CancellationToken cancellationToken)
    {
        if (!ParquetSlices.IsParquet(file.FileName))
            return SliceLines.EstimateBytesPerRow(await SampleAsync(file, 64 * 1024, cancellationToken).ConfigureAwait(false), file.Length);
        if (LocalPathOf(file.Path, file.InArtifactStore) is { } local)
            return BytesPerRow(local, file.Length);
        var folder = Directory.CreateTempSubdirectory("obatch-footer-").FullName;
        try
        {
            var copy = Path.Combine(folder, "input.parquet");
            await FetchAsync(file.Path, file.InArtifactStore, 0, -1, copy, cancellationToken).ConfigureAwait(false);
            return BytesPerRow(copy, file.Length);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>A file that is not Parquet after all is one mini-batch (its scoring reports it).</summary>
    private static double BytesPerRow(string path, long length)
    {
        try { return ParquetSlices.BytesPerRow(path); }
        catch (InvalidDataException) { return Math.Max(1, length); }
    }

    /// <summary>The first <paramref name="bytes"/> bytes of an input file (fewer when it is shorter), e.g. to estimate bytes per row.</summary>
    public async Task<byte[]> SampleAsync(JobInputFile file, int bytes, CancellationToken cancellationToken)
    {
        await using var stream = LocalPathOf(file.Path, file.InArtifactStore) is { } local
            ? File.OpenRead(local)
            : await OpenAsync(file.Path, file.InArtifactStore, 0, bytes, cancellationToken).ConfigureAwait(false);
        var buffer = new byte[bytes];
        var read = await stream.ReadAtLeastAsync(buffer, bytes, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
        return buffer[..read];
    }

    private string? LocalPathOf(string path, bool inArtifactStore) =>
        inArtifactStore ? artifacts.TryGetLocalPath(path) : BlobInputs.IsBlobUrl(path) ? null : path;

    private Task<Stream> OpenAsync(string path, bool inArtifactStore, long offset, long length, CancellationToken cancellationToken) =>
        inArtifactStore ? artifacts.OpenReadRangeAsync(path, offset, length, cancellationToken) : blobs.OpenRangeAsync(path, offset, length, cancellationToken);

    private async Task FetchAsync(string path, bool inArtifactStore, long offset, long length, string target, CancellationToken cancellationToken)
    {
        await using var file = new FileStream(target, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous);
        if (length < 0 && offset == 0)
        {
            await using var whole = await OpenAsync(path, inArtifactStore, 0, -1, cancellationToken).ConfigureAwait(false);
            await whole.CopyToAsync(file, cancellationToken).ConfigureAwait(false);
            return;
        }
        if (offset > 0)
        {
            // The header line (CSV column names; harmless for JSON lines) at offset 0.
            await CopyUntilNewlineAsync(path, inArtifactStore, 0, file, offset - 1, cancellationToken).ConfigureAwait(false);
        }
        var start = Math.Max(0, offset - 1);
        file.Position = start;
        bool endsWithNewline;
        await using (var range = await OpenAsync(path, inArtifactStore, start, length < 0 ? -1 : offset + length - start, cancellationToken).ConfigureAwait(false))
            (endsWithNewline, _) = await CopyAsync(range, file, length < 0 ? long.MaxValue : offset + length - start, stopAtNewline: false, cancellationToken).ConfigureAwait(false);
        if (length >= 0 && !endsWithNewline)
            await CopyUntilNewlineAsync(path, inArtifactStore, offset + length, file, long.MaxValue, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Copies from <paramref name="from"/> on, at the same offsets, through the first line break (or to <paramref name="limit"/> or the end).</summary>
    private async Task CopyUntilNewlineAsync(string path, bool inArtifactStore, long from, FileStream file, long limit, CancellationToken cancellationToken)
    {
        for (var position = from; position < limit;)
        {
            var want = (int)Math.Min(Chunk, limit - position);
            file.Position = position;
            await using var part = await OpenAsync(path, inArtifactStore, position, want, cancellationToken).ConfigureAwait(false);
            var (foundNewline, copied) = await CopyAsync(part, file, want, stopAtNewline: true, cancellationToken).ConfigureAwait(false);
            if (foundNewline || copied < want)
                return;
            position += copied;
        }
    }

    /// <summary>Copies at most <paramref name="max"/> bytes; returns whether the last byte copied is a line break, and how many were copied.</summary>
    private static async Task<(bool EndsWithNewline, long Copied)> CopyAsync(Stream from, FileStream to, long max, bool stopAtNewline, CancellationToken cancellationToken)
    {
        var buffer = new byte[Chunk];
        long copied = 0;
        var last = -1;
        while (copied < max)
        {
            var read = await from.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, max - copied)), cancellationToken).ConfigureAwait(false);
            if (read == 0)
                break;
            if (stopAtNewline && Array.IndexOf(buffer, (byte)'\n', 0, read) is var nl and >= 0)
            {
                await to.WriteAsync(buffer.AsMemory(0, nl + 1), cancellationToken).ConfigureAwait(false);
                return (true, copied + nl + 1);
            }
            await to.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
            copied += read;
            last = buffer[read - 1];
        }
        return (last == '\n', copied);
    }

    private static string SafeName(string fileName)
    {
        var name = Path.GetFileName(fileName.Replace('\\', '/'));
        foreach (var c in Path.GetInvalidFileNameChars())
            name = name.Replace(c, '_');
        return name.Length == 0 ? "input" : name;
    }
}
