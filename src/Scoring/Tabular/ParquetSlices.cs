using Parquet;

namespace OrleansBatch.Scoring.Tabular;

/// <summary>
/// Byte ranges of a Parquet file, under the same rule as text files (<see cref="InputSlice"/>): a range owns
/// the row groups whose first byte lies inside it. So a planner that cuts a file into byte ranges without
/// reading it gets mini-batches of whole row groups, every row group owned exactly once.
/// </summary>
public static class ParquetSlices
{
    public const string Extension = ".parquet";

    public static bool IsParquet(string fileName) => fileName.EndsWith(Extension, StringComparison.OrdinalIgnoreCase);

    /// <summary>Rows owned by [offset, offset+length) of the local file <paramref name="path"/> (length -1: to the end).</summary>
    public static long CountRows(string path, long offset, long length)
    {
        using var input = Open(path);
        return Owned(input.Reader, offset, length).Sum(g => input.Reader.RowGroups[g].RowCount);
    }

    /// <summary>Bytes per row of the whole file, from its footer: for plans in rows.</summary>
    public static double BytesPerRow(string path)
    {
        using var input = Open(path);
        var rows = input.Reader.RowGroups.Sum(g => g.RowCount);
        return rows == 0 ? 1 : (double)new FileInfo(path).Length / rows;
    }

    /// <summary>Opens the local file (the footer is read; row groups are read on demand).</summary>
    /// <exception cref="InvalidDataException">The file is not Parquet.</exception>
    internal static ParquetInput Open(string path)
    {
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1 << 16, FileOptions.RandomAccess);
        try
        {
            // Parquet starts and ends with "PAR1": anything else is bad data, not an I/O failure worth a retry.
            Span<byte> head = stackalloc byte[4], tail = stackalloc byte[4];
            if (stream.Length < 12 || stream.Read(head) < 4 || !head.SequenceEqual("PAR1"u8)
                || (stream.Seek(-4, SeekOrigin.End) >= 0 && stream.Read(tail) < 4) || !tail.SequenceEqual("PAR1"u8))
            {
                throw new InvalidDataException("The file is not Parquet: it does not start and end with PAR1.");
            }

            stream.Position = 0;
            return new ParquetInput(ParquetReader.CreateAsync(stream, leaveStreamOpen: false).GetAwaiter().GetResult());
        }
        catch (InvalidDataException)
        {
            stream.Dispose();
            throw;
        }
        catch (Exception e) when (e is not IOException and not UnauthorizedAccessException and not OperationCanceledException)
        {
            stream.Dispose();
            throw new InvalidDataException($"The file is not a readable Parquet file: {e.Message}", e);
        }
    }

    /// <summary>The row groups (indexes) that [offset, offset+length) owns.</summary>
    internal static IEnumerable<int> Owned(ParquetReader reader, long offset, long length)
    {
        var end = length < 0 ? long.MaxValue : offset + length;
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            var start = Start(reader, g);
            if (start >= offset && start < end)
            {
                yield return g;
            }
        }
    }

    private static long Start(ParquetReader reader, int group)
    {
        var meta = reader.Metadata!.RowGroups[group];
        if (meta.FileOffset is { } fileOffset and > 0)
        {
            return fileOffset;
        }

        var column = meta.Columns[0].MetaData!;
        return column.DictionaryPageOffset is { } dictionary and > 0 ? Math.Min(dictionary, column.DataPageOffset) : column.DataPageOffset;
    }
}
