using System.Text.Json;

namespace OrleansBatch.Scoring.Tabular;

/// <summary>Parses one JSON-lines object into the current batch slot, matching property names to the bound columns without allocating.</summary>
internal static class JsonLineRow
{
    public static bool TryFill(TabularSliceState state, ReadOnlySpan<byte> line, long row)
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
                state.Empty(row, c, binding.Tensors[binding.Targets[c].Tensor]);
                return false;
            }
        }

        return true;
    }

    private static bool SetJsonValue(TabularSliceState state, ref Utf8JsonReader reader, TabularBinding binding, int column, int slot, long row)
    {
        var (t, offset) = binding.Targets[column];
        var tensor = binding.Tensors[t];
        string? reason;
        switch (reader.TokenType)
        {
            case JsonTokenType.Number:
                // The number's own text: an int64 input keeps all its digits (a double would not).
                return state.TrySet(tensor, slot, offset, reader.ValueSpan, row, column);
            case JsonTokenType.String:
                var text = reader.ValueIsEscaped
                    ? state.Scratch.Reserve(reader.CopyString(state.Scratch.Reserve(reader.ValueSpan.Length)))
                    : reader.ValueSpan;
                return state.TrySet(tensor, slot, offset, text, row, column);
            case JsonTokenType.True:
            case JsonTokenType.False:
                if (tensor.TrySetNumber(slot, offset, reader.TokenType == JsonTokenType.True ? 1 : 0, out reason))
                {
                    return true;
                }

                state.InvalidValue(row, binding.Columns[column], reader.ValueSpan, reason!);
                return false;
            case JsonTokenType.Null:
                state.Empty(row, column, tensor);
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

    /// <summary>The row's passthrough values, CSV-quoted and joined, in the setting's order (absent keys and nulls are empty fields).</summary>
    public static string Passthrough(TabularSliceState state, ReadOnlySpan<byte> line)
    {
        var wanted = state.Binding!.Passthrough;
        var values = new string?[wanted.Length];
        var reader = new Utf8JsonReader(line);
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var column = FindColumn(ref reader, state.ColumnNames, 0);
            reader.Read();
            var k = column < 0 ? -1 : Array.IndexOf(wanted, column);
            if (k >= 0)
            {
                values[k] = reader.TokenType switch
                {
                    JsonTokenType.String => reader.GetString(),
                    JsonTokenType.Null => null,
                    JsonTokenType.Number or JsonTokenType.True or JsonTokenType.False => System.Text.Encoding.UTF8.GetString(reader.ValueSpan),
                    _ => null,
                };
            }

            reader.Skip();
        }

        return TabularText.JoinCsv(values);
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
}
