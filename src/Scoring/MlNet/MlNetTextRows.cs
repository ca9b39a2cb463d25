using System.Text;
using System.Text.Json;
using OrleansBatch.Scoring.Tabular;

namespace OrleansBatch.Scoring.MlNet;

/// <summary>The rows of a CSV or JSON-lines slice, parsed field by field straight into an <see cref="MlNetBatch"/>.</summary>
internal static class MlNetTextRows
{
    public static long Score(MlNetScorer scorer, InputSlice slice, bool json, SliceErrors errors, IPredictionSink sink, CancellationToken cancellationToken)
    {
        var options = scorer.Options;
        using var reader = new SliceLineReader(slice.Path, slice.Offset, slice.Length, options.MaxLineBytes);
        var scratch = new FieldScratch();
        int[][] sources;
        (int Input, int Element)[][] byField = [];
        if (json)
        {
            // JSON lines name their values on every line: the model's own column names, looked up per line.
            sources = scorer.Inputs.Select(i => Enumerable.Range(0, i.Width).ToArray()).ToArray();
        }
        else
        {
            var header = slice.Offset == 0 ? (reader.Next(out var first) == LineKind.Line ? first.ToArray() : null) : SliceLineReader.ReadFirstLine(slice.Path, options.MaxLineBytes);
            if (header is null)
            {
                errors.Add(null, null, (string?)null, ItemErrorCodes.EmptyInput, "The file is empty: a CSV input needs a header row naming its columns.");
                return 0;
            }

            var names = TabularHeader.CsvNames(header);
            sources = scorer.Bind(names, out var missing);
            if (missing is not null)
            {
                MlNetScorer.Mismatch(errors, missing, names);
                return 0;
            }

            byField = Enumerable.Range(0, names.Length)
                .Select(f => sources.SelectMany((elements, input) => elements.Select((source, element) => (source, input, element)))
                    .Where(s => s.source == f).Select(s => (s.input, s.element)).ToArray())
                .ToArray();
        }

        var batch = scorer.CreateBatch(slice.Length < 0 ? new FileInfo(slice.Path).Length : slice.Length, json ? [] : sources);
        var needed = json ? 0 : sources.SelectMany(s => s).DefaultIfEmpty(-1).Max() + 1;
        var plain = json ? null : PlainOffsets(byField, batch);
        long row = 0, scored = 0;
        LineKind kind;
        while ((kind = reader.Next(out var line)) != LineKind.End)
        {
            if (kind == LineKind.TooLong)
            {
                errors.Add(row++, null, (string?)null, ItemErrorCodes.LineTooLong, $"The line is {reader.TooLongLength:N0} bytes, longer than the {options.MaxLineBytes:N0}-byte limit; it was skipped.");
                continue;
            }

            if (line.IsEmpty)
            {
                continue;
            }

            var current = row++;
            var ok = json ? TryFillJson(line, scorer.Inputs, batch, current, errors)
                : (plain is not null && PlainCsvRow.TryFill(line, batch.NextFloatRow, plain)) || TryFillCsv(line, byField, needed, scratch, batch, current, errors);
            if (!ok)
            {
                continue;
            }

            batch.Commit(current);
            if (batch.IsFull)
            {
                scored += batch.Flush(sink);
                cancellationToken.ThrowIfCancellationRequested();
            }
        }

        return scored + batch.Flush(sink);
    }

    /// <summary>Per CSV field, where its value goes in a row of the batch's float block (-1: unused), when every used field feeds one float element; else null.</summary>
    private static int[]? PlainOffsets((int Input, int Element)[][] byField, MlNetBatch batch) =>
        byField.All(targets => targets.Length == 0 || (targets.Length == 1 && batch.FloatOffsets[targets[0].Input] >= 0))
            ? byField.Select(targets => targets.Length == 0 ? -1 : batch.FloatOffsets[targets[0].Input] + targets[0].Element).ToArray()
            : null;

    private static bool TryFillCsv(
        ReadOnlySpan<byte> line, (int Input, int Element)[][] byField, int needed, FieldScratch scratch, MlNetBatch batch, long row, SliceErrors errors)
    {
        var cursor = new CsvFieldCursor(line, scratch);
        var field = 0;
        while (cursor.TryNext(out var text, out var malformed))
        {
            if (malformed)
            {
                errors.Add(row, null, line, ItemErrorCodes.MalformedRow, "The row has a broken quote.");
                return false;
            }

            if (field < byField.Length)
            {
                foreach (var (input, element) in byField[field])
                {
                    if (!batch.TrySetText(input, element, text, row, errors))
                    {
                        return false;
                    }
                }
            }

            field++;
        }

        if (field < needed)
        {
            errors.Add(row, null, line, ItemErrorCodes.MalformedRow, $"The row has {field} fields; the header has more.");
            return false;
        }

        return true;
    }

    private static bool TryFillJson(ReadOnlySpan<byte> line, IReadOnlyList<MlNetInput> inputs, MlNetBatch batch, long row, SliceErrors errors)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line.ToArray());
        }
        catch (JsonException e)
        {
            errors.Add(row, null, line, ItemErrorCodes.InvalidJson, $"The line is not JSON: {e.Message}");
            return false;
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                errors.Add(row, null, line, ItemErrorCodes.InvalidJson, "The line is not a JSON object.");
                return false;
            }

            for (var i = 0; i < inputs.Count; i++)
            {
                var input = inputs[i];
                for (var k = 0; k < input.Width; k++)
                {
                    var name = input.Width == 1 ? input.Name : $"{input.Name}_{k}";
                    if (Property(document.RootElement, name) is not { } value)
                    {
                        if (input.IsLabel)
                        {
                            batch.Columns[i].SetMissing(batch.Count, k);
                            continue;
                        }

                        errors.Add(row, name, (string?)null, ItemErrorCodes.InvalidJson, $"The line has no '{name}', an input column of the model.");
                        return false;
                    }

                    var text = value.ValueKind switch
                    {
                        JsonValueKind.String => value.GetString()!,
                        JsonValueKind.Number => value.GetRawText(),
                        JsonValueKind.True => "true",
                        JsonValueKind.False => "false",
                        _ => string.Empty,
                    };
                    if (!batch.TrySetText(i, k, Encoding.UTF8.GetBytes(text), row, errors))
                    {
                        return false;
                    }
                }
            }

            return true;
        }
    }

    private static JsonElement? Property(JsonElement obj, string name)
    {
        if (obj.TryGetProperty(name, out var exact))
        {
            return exact;
        }

        foreach (var p in obj.EnumerateObject())
        {
            if (string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return p.Value;
            }
        }

        return null;
    }
}
