namespace OrleansBatch.Scoring.Tabular;

/// <summary>
/// Walks the fields of one CSV line (RFC 4180: comma-separated, fields optionally in double quotes with
/// <c>""</c> for a quote). A quoted field with escaped quotes is unescaped into <see cref="FieldScratch"/>;
/// everything else is a slice of the line, so walking allocates nothing. Line breaks inside quoted fields are
/// not supported: inputs are split at line boundaries without a pre-scan.
/// </summary>
internal ref struct CsvFieldCursor(ReadOnlySpan<byte> line, FieldScratch scratch)
{
    private readonly ReadOnlySpan<byte> _line = line;
    private int _position;
    private bool _done;

    /// <summary>The next field; false after the last one. <paramref name="malformed"/> is set for an unterminated quote or text after a closing quote.</summary>
    public bool TryNext(out ReadOnlySpan<byte> field, out bool malformed)
    {
        field = default;
        malformed = false;
        if (_done)
        {
            return false;
        }

        var rest = _line[_position..];
        if (rest.IsEmpty || rest[0] != (byte)'"')
        {
            var comma = rest.IndexOf((byte)',');
            if (comma < 0)
            {
                field = rest;
                _done = true;
            }
            else
            {
                field = rest[..comma];
                _position += comma + 1;
            }

            return true;
        }

        var i = 1;
        var escaped = false;
        while (true)
        {
            var next = rest[i..].IndexOf((byte)'"');
            if (next < 0)
            {
                malformed = true;
                _done = true;
                field = rest;
                return true;
            }

            var quote = i + next;
            if (quote + 1 < rest.Length && rest[quote + 1] == (byte)'"')
            {
                // An escaped quote: keep the text up to and including one quote.
                if (!escaped)
                {
                    scratch.Clear();
                    escaped = true;
                }

                scratch.Append(rest[i..(quote + 1)]);
                i = quote + 2;
                continue;
            }

            if (escaped)
            {
                scratch.Append(rest[i..quote]);
            }

            field = escaped ? scratch.Span : rest[1..quote];
            var after = quote + 1;
            if (after == rest.Length)
            {
                _done = true;
            }
            else if (rest[after] == (byte)',')
            {
                _position += after + 1;
            }
            else
            {
                malformed = true;
                _done = true;
            }

            return true;
        }
    }
}
