using System.Text;

namespace OrleansBatch.Scoring.Tabular;

/// <summary>
/// The column names of a tabular file as the scorer will see them, read from its start only: a CSV's header
/// row, the keys of a JSON-lines file's first object. Lets a job be refused at invoke time when a column it
/// names is missing, instead of failing every row later.
/// </summary>
public static class TabularHeader
{
    /// <summary>The columns of the local file <paramref name="path"/> (for Parquet, its schema), or null when its format has no columns or cannot be read as such.</summary>
    public static IReadOnlyList<string>? TryRead(string path, string fileName, int maxLineBytes = 1 << 20)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        try
        {
            if (extension == ".csv")
            {
                return SliceLineReader.ReadFirstLine(path, maxLineBytes) is { } header ? CsvNames(header) : null;
            }

            if (extension == ParquetSlices.Extension)
            {
                using var parquet = ParquetSlices.Open(path);
                return parquet.Reader.Schema.GetDataFields().Select(f => f.Name).ToArray();
            }

            if (extension is ".jsonl" or ".json" or ".ndjson")
            {
                using var reader = new SliceLineReader(path, 0, -1, maxLineBytes);
                while (reader.Next(out var line) == LineKind.Line)
                {
                    if (!line.IsEmpty)
                    {
                        return JsonLineColumns.TryRead(line, out var names, out _) ? names : null;
                    }
                }

                return null;
            }
        }
        catch (InvalidDataException)
        {
        }

        return null;
    }

    /// <summary>The names of a CSV header line (a UTF-8 byte-order mark dropped, names trimmed).</summary>
    internal static string[] CsvNames(ReadOnlySpan<byte> header)
    {
        var names = new List<string>();
        var cursor = new CsvFieldCursor(header.StartsWith("\uFEFF"u8) ? header[3..] : header, new FieldScratch());
        while (cursor.TryNext(out var field, out _))
        {
            names.Add(Encoding.UTF8.GetString(field).Trim());
        }

        return [.. names];
    }
}
