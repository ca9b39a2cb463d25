namespace OrleansBatch.Scoring.Tabular;

/// <summary>
/// The fast path for the common CSV row: every model value goes to one float input, fields are plain decimals
/// without quotes or blanks. One pass over the bytes, no per-field calls. Any other row returns false and is
/// parsed (and its errors reported) by the general path.
/// </summary>
internal static class PlainCsvRow
{
    /// <param name="line">The row.</param>
    /// <param name="destination">The row's float slots in the input buffer.</param>
    /// <param name="offsets">Per column, the slot it fills, or -1 for a column the model does not use.</param>
    public static bool TryFill(ReadOnlySpan<byte> line, Span<float> destination, ReadOnlySpan<int> offsets)
    {
        var i = 0;
        for (var field = 0; field < offsets.Length; field++)
        {
            var offset = offsets[field];
            if (offset < 0)
            {
                // An unused column: skip it unless it is quoted (the general path handles quotes).
                var rest = line[i..];
                if (!rest.IsEmpty && rest[0] == (byte)'"')
                {
                    return false;
                }

                var comma = rest.IndexOf((byte)',');
                i = comma < 0 ? line.Length : i + comma;
            }
            else if (DecimalText.TryParsePlain(line, ref i, out var value))
            {
                destination[offset] = (float)value;
            }
            else
            {
                return false;
            }

            var last = field == offsets.Length - 1;
            if (last ? i != line.Length : i >= line.Length || line[i] != (byte)',')
            {
                return false;
            }

            i++;
        }

        return true;
    }
}
