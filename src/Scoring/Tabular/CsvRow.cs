namespace OrleansBatch.Scoring.Tabular;

/// <summary>Parses one CSV row into the current batch slot: the one-pass fast path when it applies, else field by field with precise errors.</summary>
internal static class CsvRow
{
    public static bool TryFill(TabularSliceState state, ReadOnlySpan<byte> line, long row)
    {
        var binding = state.Binding!;
        var slot = state.Runner!.Count;
        if (binding.PlainFloatOffsets is { } offsets && PlainCsvRow.TryFill(line, binding.Tensors[0].FloatItem(slot), offsets))
        {
            return true;
        }

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
                state.InvalidValue(row, binding.Columns[field], text, reason!);
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

    private static string? Column(TabularBinding binding, int field) => field < binding.Columns.Length ? binding.Columns[field] : null;
}
