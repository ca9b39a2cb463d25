using System.Globalization;
using System.Text;
using System.Text.Json;
using OrleansBatch.Scoring.Models;

namespace OrleansBatch.Scoring.Tabular;

/// <summary>
/// Scores a CSV or JSON-lines slice: reads the lines it owns, parses each row straight into the reused input
/// buffers of a <see cref="BatchRunner"/> (no per-row allocation), and runs the pipeline every
/// <c>BatchRows</c> rows. A row that cannot be parsed becomes an <see cref="ItemError"/>; the rest still score.
/// </summary>
internal sealed class TabularSliceScorer(
    OnnxRuntime runtime, OnnxPipeline pipeline, OutputLayout layout, IReadOnlyList<string>? inputColumns, OnnxScoringOptions options)
{
    public ScoreResult Score(InputSlice slice, TabularFormat format, IPredictionSink sink, CancellationToken cancellationToken)
    {
        var errors = new SliceErrors(slice.FileName);
        if (slice.Offset == 0 && new FileInfo(slice.Path).Length == 0)
        {
            errors.Add(null, null, (string?)null, ItemErrorCodes.EmptyInput, format == TabularFormat.Csv
                ? "The file is empty: a CSV input needs a header row naming its columns."
                : "The file is empty.");
            return new ScoreResult(0, 0, errors.ToList());
        }

        using var reader = new SliceLineReader(slice.Path, slice.Offset, slice.Length, options.MaxLineBytes);
        var state = new TabularSliceState(slice, format, errors);
        if (format == TabularFormat.Csv && !ReadHeader(reader, slice, state))
        {
            return new ScoreResult(0, 0, errors.ToList());
        }

        long row = 0, scored = 0;
        LineKind kind;
        while ((kind = reader.Next(out var line)) != LineKind.End)
        {
            if (kind == LineKind.TooLong)
            {
                errors.Add(row++, null, (string?)null, ItemErrorCodes.LineTooLong,
                    $"The line is {reader.TooLongLength:N0} bytes, longer than the {options.MaxLineBytes:N0}-byte limit; it was skipped. Is the file really {format}?");
                continue;
            }

            if (line.IsEmpty)
            {
                continue; // blank lines are not rows
            }

            var current = row++;
            if (state.Runner is null && !TryBind(state, line, current))
            {
                continue;
            }

            var filled = format == TabularFormat.Csv ? FillCsv(state, line, current) : FillJson(state, line, current);
            if (filled)
            {
                state.Runner!.Commit(current);
                if (state.Runner.IsFull)
                {
                    scored += state.Runner.Flush(sink);
                    cancellationToken.ThrowIfCancellationRequested();
                }
            }
        }

        scored += state.Runner?.Flush(sink) ?? 0;
        return new ScoreResult(scored, errors.Count, errors.ToList());
    }

    private bool ReadHeader(SliceLineReader reader, InputSlice slice, TabularSliceState state)
    {
        byte[]? header;
        try
        {
            header = slice.Offset == 0
                ? reader.Next(out var line) switch
                {
                    LineKind.Line => line.ToArray(),
                    LineKind.TooLong => throw new InvalidDataException($"The header line is longer than {options.MaxLineBytes} bytes."),
                    _ => null,
                }
                : SliceLineReader.ReadFirstLine(slice.Path, options.MaxLineBytes);
        }
        catch (InvalidDataException e)
        {
            state.Errors.Add(null, null, (string?)null, ItemErrorCodes.MalformedRow, e.Message + " Is this a CSV file with a header row?");
            return false;
        }

        if (header is null)
        {
            state.Errors.Add(null, null, (string?)null, ItemErrorCodes.EmptyInput, "The file is empty: a CSV input needs a header row naming its columns.");
            return false;
        }

        var names = new List<string>();
        var cursor = new CsvFieldCursor(header.AsSpan().StartsWith("\uFEFF"u8) ? header.AsSpan(3) : header, state.Scratch);
        while (cursor.TryNext(out var field, out _))
        {
            names.Add(Encoding.UTF8.GetString(field).Trim());
        }

        state.Columns = [.. names];
        return true;
    }

    /// <summary>Binds columns to model inputs on the slice's first data row (whose values tell which columns are numeric).</summary>
    private bool TryBind(TabularSliceState state, ReadOnlySpan<byte> line, long row)
    {
        if (state.BindError is not null)
        {
            state.Errors.Add(row, null, (string?)null, ItemErrorCodes.ColumnMismatch, state.BindError);
            return false;
        }

        bool[] numeric;
        if (state.Format == TabularFormat.Csv)
        {
            numeric = new bool[state.Columns.Length];
            var cursor = new CsvFieldCursor(line, state.Scratch);
            for (var c = 0; c < numeric.Length && cursor.TryNext(out var field, out _); c++)
            {
                numeric[c] = DecimalText.TryParse(field, out _);
            }
        }
        else if (JsonLineColumns.TryRead(line, out var names, out numeric, out var jsonError))
        {
            state.Columns = names;
        }
        else
        {
            state.Errors.Add(row, null, line, ItemErrorCodes.InvalidJson, $"Row {row}: {jsonError}.");
            return false;
        }

        var binding = TabularBinding.TryBind(
            pipeline.Inputs, state.Columns, numeric, inputColumns, options.BatchRows, state.Format == TabularFormat.JsonLines, out var error);
        if (binding is null)
        {
            state.BindError = $"The input's columns do not fit the model: {error}";
            state.Errors.Add(row, null, (string?)null, ItemErrorCodes.ColumnMismatch, state.BindError);
            return false;
        }

        state.Binding = binding;
        state.ColumnNames = binding.Columns.Select(Encoding.UTF8.GetBytes).ToArray();
        state.Seen = new bool[binding.Columns.Length];
        state.Runner = new BatchRunner(runtime, pipeline, layout, binding.Tensors);
        return true;
    }

    private static bool FillCsv(TabularSliceState state, ReadOnlySpan<byte> line, long row)
    {
        var binding = state.Binding!;
        var slot = state.Runner!.Count;
        var cursor = new CsvFieldCursor(line, state.Scratch);
        var field = 0;
        while (cursor.TryNext(out var text, out var malformed))
        {
            if (malformed)
            {
                state.Errors.Add(row, Column(binding, field), text, ItemErrorCodes.MalformedRow,
                    "A quoted field is not closed, or text follows its closing quote (line breaks inside quoted fields are not supported).");
                return false;
            }

            if (field >= binding.Columns.Length)
            {
                state.Errors.Add(row, null, (string?)null, ItemErrorCodes.MalformedRow,
                    $"The row has more fields than the header's {binding.Columns.Length}.");
                return false;
            }

            var (tensor, offset) = binding.Targets[field];
            if (tensor >= 0 && !binding.Tensors[tensor].TrySetText(slot, offset, text, out var reason))
            {
                InvalidValue(state, row, binding.Columns[field], text, reason!);
                return false;
            }

            field++;
        }

        if (field < binding.Columns.Length)
        {
            state.Errors.Add(row, binding.Columns[field], (string?)null, ItemErrorCodes.MalformedRow,
                $"The row has {field} fields; the header has {binding.Columns.Length}.");
            return false;
        }

        return true;
    }

    private static bool FillJson(TabularSliceState state, ReadOnlySpan<byte> line, long row)
    {
        var binding = state.Binding!;
        var slot = state.Runner!.Count;
        var seen = state.Seen;
        Array.Clear(seen);
        try
        {
            var reader = new Utf8JsonReader(line);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                state.Errors.Add(row, null, line, ItemErrorCodes.InvalidJson, "The line is not a JSON object.");
                return false;
            }

            var hint = 0;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var column = FindColumn(ref reader, state.ColumnNames, hint);
                reader.Read();
                if (column < 0 || binding.Targets[column].Tensor < 0)
                {
                    reader.Skip();
                    continue;
                }

                hint = column + 1;
                seen[column] = true;
                if (!SetJsonValue(state, ref reader, binding, column, slot, row))
                {
                    return false;
                }
            }
        }
        catch (JsonException e)
        {
            state.Errors.Add(row, null, line, ItemErrorCodes.InvalidJson, $"The line is not valid JSON: {e.Message}");
            return false;
        }

        for (var c = 0; c < seen.Length; c++)
        {
            if (!seen[c] && binding.Targets[c].Tensor >= 0)
            {
                state.Errors.Add(row, binding.Columns[c], (string?)null, ItemErrorCodes.InvalidJson,
                    $"The object has no '{binding.Columns[c]}', which the model needs.");
                return false;
            }
        }

        return true;
    }

    private static bool SetJsonValue(TabularSliceState state, ref Utf8JsonReader reader, TabularBinding binding, int column, int slot, long row)
    {
        var (t, offset) = binding.Targets[column];
        var tensor = binding.Tensors[t];
        string? reason = null;
        switch (reader.TokenType)
        {
            case JsonTokenType.Number:
                if (reader.TryGetDouble(out var number) && tensor.TrySetNumber(slot, offset, number, out reason))
                {
                    return true;
                }

                reason ??= "is out of range";
                InvalidValue(state, row, binding.Columns[column], reader.ValueSpan, reason);
                return false;
            case JsonTokenType.String:
                var text = reader.ValueIsEscaped
                    ? state.Scratch.Reserve(reader.CopyString(state.Scratch.Reserve(reader.ValueSpan.Length)))
                    : reader.ValueSpan;
                if (tensor.TrySetText(slot, offset, text, out reason))
                {
                    return true;
                }

                InvalidValue(state, row, binding.Columns[column], text, reason!);
                return false;
            case JsonTokenType.True:
            case JsonTokenType.False:
                if (tensor.TrySetNumber(slot, offset, reader.TokenType == JsonTokenType.True ? 1 : 0, out reason))
                {
                    return true;
                }

                InvalidValue(state, row, binding.Columns[column], reader.ValueSpan, reason!);
                return false;
            case JsonTokenType.Null:
                if (tensor.TrySetText(slot, offset, default, out reason))
                {
                    return true;
                }

                InvalidValue(state, row, binding.Columns[column], "null"u8, reason!);
                return false;
            case JsonTokenType.StartArray when tensor.Width > 1:
                var count = 0;
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    if (reader.TokenType != JsonTokenType.Number || count >= tensor.Width ||
                        !tensor.TrySetNumber(slot, count, reader.GetDouble(), out _))
                    {
                        break;
                    }

                    count++;
                }

                if (reader.TokenType == JsonTokenType.EndArray && count == tensor.Width)
                {
                    return true;
                }

                state.Errors.Add(row, binding.Columns[column], (string?)null, ItemErrorCodes.InvalidValue,
                    $"'{binding.Columns[column]}' must be an array of {tensor.Width} numbers (model input '{tensor.Info.Name}').");
                return false;
            default:
                state.Errors.Add(row, binding.Columns[column], (string?)null, ItemErrorCodes.InvalidValue,
                    $"'{binding.Columns[column]}' holds a JSON {reader.TokenType}; the model input '{tensor.Info.Name}' takes {tensor.Info.Type.TypeName}.");
                return false;
        }
    }

    private static int FindColumn(ref Utf8JsonReader reader, byte[][] names, int hint)
    {
        if (hint < names.Length && reader.ValueTextEquals(names[hint]))
        {
            return hint;
        }

        for (var c = 0; c < names.Length; c++)
        {
            if (reader.ValueTextEquals(names[c]))
            {
                return c;
            }
        }

        return -1;
    }

    private static void InvalidValue(TabularSliceState state, long row, string column, ReadOnlySpan<byte> value, string reason)
    {
        var text = Encoding.UTF8.GetString(value.Length > 200 ? value[..200] : value);
        state.Errors.Add(row, column, value, ItemErrorCodes.InvalidValue, $"The value '{text}' in column '{column}' {reason}.");
    }

    private static string? Column(TabularBinding binding, int field) => field < binding.Columns.Length ? binding.Columns[field] : null;
}
