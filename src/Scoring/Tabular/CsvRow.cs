using System.Text;

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
            if (tensor >= 0 && !state.TrySet(binding.Tensors[tensor], slot, offset, text, row, field))
            {
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

    /// <summary>The row's passthrough values, CSV-quoted and joined, in the setting's order (the row parsed already, so it is well-formed).</summary>
    public static string Passthrough(TabularSliceState state, ReadOnlySpan<byte> line)
    {
        var wanted = state.Binding!.Passthrough;
        var values = new string[wanted.Length];
        var cursor = new CsvFieldCursor(line, state.Scratch);
        for (var field = 0; cursor.TryNext(out var text, out _); field++)
        {
            for (var k = 0; k < wanted.Length; k++)
            {
                if (wanted[k] == field)
                {
                    values[k] = Encoding.UTF8.GetString(text);
                }
            }
        }

        return TabularText.JoinCsv(values);
    }

    private static string? Column(TabularBinding binding, int field) => field < binding.Columns.Length ? binding.Columns[field] : null;
}
