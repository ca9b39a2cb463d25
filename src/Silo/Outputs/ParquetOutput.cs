using System.Globalization;
using Parquet;
using Parquet.Schema;
using Sylvan.Data.Csv;
using OrleansBatch.Grains.Providers;

namespace OrleansBatch.Silo.Outputs;

/// <summary>
/// <c>settings.output_format: parquet</c>. The parts are joined in input order exactly as for CSV (staged blocks
/// committed in order, into a sibling <c>.joining.csv</c>), then that file is converted in one streaming pass per
/// step: a first pass picks each column's type (<c>file_name</c> and passthrough columns stay text; a model column
/// is int64 when every value is a whole number, double when every value is a number, else text), a second writes
/// row groups of <see cref="RowsPerGroup"/> rows. Memory stays one row group, whatever the job's size; the rows
/// keep the joined order.
/// </summary>
public static class ParquetOutput
{
    public const int RowsPerGroup = 64 * 1024;

    /// <summary>Where the CSV join of a Parquet output is assembled.</summary>
    public static string JoinPath(string outputPath) => outputPath + ".joining.csv";

    /// <summary>Writes <paramref name="parquetPath"/> from the joined CSV at <paramref name="csvPath"/> (then deleted); returns the rows written.</summary>
    public static async Task<long> ConvertAsync(
        IArtifactStore store, string csvPath, string parquetPath, IReadOnlyCollection<string> textColumns, bool overwrite, CancellationToken cancellationToken)
    {
        var (names, kinds) = await ScanAsync(store, csvPath, textColumns, cancellationToken).ConfigureAwait(false);
        var fields = names.Select((name, c) => kinds[c] switch
        {
            ColumnKind.Integer => (DataField)new DataField<long?>(name),
            ColumnKind.Number => new DataField<double?>(name),
            _ => new DataField<string>(name),
        }).ToArray();

        var local = Path.Combine(Path.GetTempPath(), $"obatch-output-{Guid.NewGuid():N}.parquet");
        long rows = 0;
        try
        {
            await using (var file = new FileStream(local, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.Asynchronous))
            {
                await using var writer = await ParquetWriter.CreateAsync(new ParquetSchema(fields), file, cancellationToken: cancellationToken).ConfigureAwait(false);
                await using var input = await store.OpenReadAsync(csvPath, cancellationToken).ConfigureAwait(false);
                using var text = new StreamReader(input);
                await using var csv = await CsvDataReader.CreateAsync(text, Options).ConfigureAwait(false);
                var group = new string?[names.Length][];
                for (var c = 0; c < group.Length; c++)
                    group[c] = new string?[RowsPerGroup];
                var count = 0;
                while (await csv.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    for (var c = 0; c < names.Length; c++)
                        group[c][count] = c < csv.FieldCount ? csv.GetString(c) : null;
                    if (++count == RowsPerGroup)
                    {
                        await WriteGroupAsync(writer, fields, kinds, group, count, cancellationToken).ConfigureAwait(false);
                        rows += count;
                        count = 0;
                    }
                }
                if (count > 0 || rows == 0)
                    await WriteGroupAsync(writer, fields, kinds, group, count, cancellationToken).ConfigureAwait(false);
                rows += count;
            }
            await using (var parquet = File.OpenRead(local))
                await store.WriteAsync(parquetPath, parquet, overwrite, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            File.Delete(local);
        }
        await store.DeleteAsync(csvPath, cancellationToken).ConfigureAwait(false);
        return rows;
    }

    private static readonly CsvDataReaderOptions Options = new() { HasHeaders = true, BufferSize = 1 << 16 };

    private enum ColumnKind
    {
        Integer,
        Number,
        Text,
    }

    /// <summary>The header's names and the narrowest type that holds every value of each column.</summary>
    private static async Task<(string[] Names, ColumnKind[] Kinds)> ScanAsync(IArtifactStore store, string csvPath, IReadOnlyCollection<string> textColumns, CancellationToken cancellationToken)
    {
        await using var input = await store.OpenReadAsync(csvPath, cancellationToken).ConfigureAwait(false);
        using var text = new StreamReader(input);
        await using var csv = await CsvDataReader.CreateAsync(text, Options).ConfigureAwait(false);
        var names = Enumerable.Range(0, csv.FieldCount).Select(csv.GetName).ToArray();
        var kinds = names.Select((name, c) => c == 0 || textColumns.Contains(name) ? ColumnKind.Text : ColumnKind.Integer).ToArray();
        while (await csv.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            for (var c = 1; c < kinds.Length && c < csv.FieldCount; c++)
            {
                var value = csv.GetFieldSpan(c);
                if (value.IsEmpty || kinds[c] == ColumnKind.Text)
                    continue;
                if (kinds[c] == ColumnKind.Integer && !long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _))
                    kinds[c] = ColumnKind.Number;
                if (kinds[c] == ColumnKind.Number && !double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
                    kinds[c] = ColumnKind.Text;
            }
        }
        return (names, kinds);
    }

    private static async Task WriteGroupAsync(ParquetWriter writer, DataField[] fields, ColumnKind[] kinds, string?[][] group, int count, CancellationToken cancellationToken)
    {
        using var rowGroup = writer.CreateRowGroup();
        for (var c = 0; c < fields.Length; c++)
        {
            var values = group[c];
            switch (kinds[c])
            {
                case ColumnKind.Integer:
                    var longs = new long?[count];
                    for (var r = 0; r < count; r++)
                        longs[r] = string.IsNullOrEmpty(values[r]) ? null : long.Parse(values[r]!, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
                    await rowGroup.WriteAsync<long>(fields[c], longs.AsMemory(), cancellationToken: cancellationToken).ConfigureAwait(false);
                    break;
                case ColumnKind.Number:
                    var doubles = new double?[count];
                    for (var r = 0; r < count; r++)
                        doubles[r] = string.IsNullOrEmpty(values[r]) ? null : double.Parse(values[r]!, NumberStyles.Float, CultureInfo.InvariantCulture);
                    await rowGroup.WriteAsync<double>(fields[c], doubles.AsMemory(), cancellationToken: cancellationToken).ConfigureAwait(false);
                    break;
                default:
                    await rowGroup.WriteAsync(fields[c], new ArraySegment<string?>(values, 0, count)).ConfigureAwait(false);
                    break;
            }
        }
    }
}
