using System.Globalization;
using Parquet;
using Parquet.Schema;

namespace OrleansBatch.Scoring.Tests.Tabular;

/// <summary>Writes a CSV's rows as Parquet (columns as doubles, or strings where they are not numbers) in row groups of a given size.</summary>
public static class ParquetSample
{
    /// <param name="lines">A CSV with a header row (no quoted fields).</param>
    /// <param name="path">The Parquet file to write.</param>
    /// <param name="rowsPerGroup">Rows per row group.</param>
    /// <param name="nullable">Columns written as nullable doubles, where an empty cell is a null.</param>
    public static async Task WriteAsync(IReadOnlyList<string> lines, string path, int rowsPerGroup, params string[] nullable)
    {
        var header = lines[0].Split(',');
        var rows = lines.Skip(1).Where(l => l.Length > 0).Select(l => l.Split(',')).ToList();
        var text = Enumerable.Range(0, header.Length).Select(c => rows.Any(r => r[c].Length > 0 && !double.TryParse(r[c], CultureInfo.InvariantCulture, out _))).ToArray();
        var fields = header.Select((name, c) => text[c] ? new DataField<string>(name) : nullable.Contains(name) ? new DataField<double?>(name) : (DataField)new DataField<double>(name)).ToArray();
        await using var stream = File.Create(path);
        await using var writer = await ParquetWriter.CreateAsync(new ParquetSchema(fields), stream);
        for (var start = 0; start < rows.Count; start += rowsPerGroup)
        {
            var group = rows.Skip(start).Take(rowsPerGroup).ToList();
            using var rowGroup = writer.CreateRowGroup();
            for (var c = 0; c < header.Length; c++)
            {
                var column = c;
                if (text[c])
                    await rowGroup.WriteAsync(fields[c], group.Select(r => r[column]).ToList());
                else if (nullable.Contains(header[c]))
                    await rowGroup.WriteAsync<double>(fields[c], group.Select(r => r[column].Length == 0 ? (double?)null : double.Parse(r[column], CultureInfo.InvariantCulture)).ToArray().AsMemory());
                else
                    await rowGroup.WriteAsync<double>(fields[c], group.Select(r => double.Parse(r[column], CultureInfo.InvariantCulture)).ToArray().AsMemory());
            }
        }
    }
}
