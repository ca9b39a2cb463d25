using OrleansBatch.Grains.Domain.Jobs;
using OrleansBatch.Scoring.Tabular;

namespace OrleansBatch.Silo.Workers;

/// <summary>
/// Counts the data rows a byte range owns under <c>InputSlice</c> semantics (the lines that start inside
/// it; a header line at offset 0 excluded for CSV), without a scorer. Used to keep row numbers right
/// when a range's scoring failed, and to estimate bytes per row for "n rows" plans.
/// </summary>
public static class SliceLines
{
    /// <summary>Rows owned by [offset, offset+length) of the file (length -1: to the end).</summary>
    public static long Count(string path, string fileName, long offset, long length)
    {
        if (ParquetSlices.IsParquet(fileName))
        {
            try { return ParquetSlices.CountRows(path, offset, length); }
            catch (InvalidDataException) { return 0; }
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1 << 16);
        var end = length < 0 ? long.MaxValue : offset + length;
        var buffer = new byte[1 << 16];
        long position = offset;
        stream.Position = offset;
        // A range that does not start the file starts owning lines after the first line break at or after offset-1.
        var atLineStart = offset == 0 || PrecededByNewline(stream, offset);
        stream.Position = offset;
        long lines = 0;
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            for (var i = 0; i < read; i++, position++)
            {
                var b = buffer[i];
                if (atLineStart)
                {
                    if (position >= end)
                        return Finish(lines, offset, fileName);
                    atLineStart = false;
                    if (b != (byte)'\n' && b != (byte)'\r') lines++;
                }
                if (b == (byte)'\n')
                {
                    atLineStart = true;
                }
            }
        }
        return Finish(lines, offset, fileName);
    }

    /// <summary>Average bytes per line over the first <paramref name="sampleBytes"/> of the file (the file's size when it has no line break).</summary>
    public static double EstimateBytesPerRow(string path, int sampleBytes = 64 * 1024)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 4096);
        var buffer = new byte[sampleBytes];
        var read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        return EstimateBytesPerRow(buffer.AsSpan(0, read), stream.Length);
    }

    /// <summary>Average bytes per line of a sample from the start of a file of <paramref name="fileLength"/> bytes (wherever it is stored).</summary>
    public static double EstimateBytesPerRow(ReadOnlySpan<byte> sample, long fileLength)
    {
        var lastBreak = sample.LastIndexOf((byte)'\n');
        var breaks = sample.Count((byte)'\n');
        return breaks == 0 ? Math.Max(1, fileLength) : (double)(lastBreak + 1) / breaks;
    }

    private static long Finish(long lines, long offset, string fileName) =>
        offset == 0 && TabularFiles.HasHeader(fileName) && lines > 0 ? lines - 1 : lines;

    private static bool PrecededByNewline(FileStream stream, long offset)
    {
        stream.Position = offset - 1;
        return stream.ReadByte() == '\n';
    }
}
