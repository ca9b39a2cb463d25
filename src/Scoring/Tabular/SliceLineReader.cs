namespace OrleansBatch.Scoring.Tabular;

/// <summary>
/// Reads the lines a byte range owns (<see cref="InputSlice"/>: those that start inside it) through one reused
/// buffer. Lines longer than the cap are skipped and reported, so a file without line breaks cannot exhaust
/// memory. A line returned stays valid until the next call.
/// </summary>
internal sealed class SliceLineReader : IDisposable
{
    private const int ChunkBytes = 1 << 20;
    private readonly FileStream _stream;
    private readonly long _limit;
    private readonly int _maxLineBytes;
    private byte[] _buffer;
    private long _bufferFileOffset;
    private int _position;
    private int _end;
    private bool _eof;

    public SliceLineReader(string path, long offset, long length, int maxLineBytes)
    {
        _maxLineBytes = maxLineBytes;
        _limit = length < 0 ? long.MaxValue : offset + length;
        // Small ranges (and header reads) get a small buffer; it grows when a line needs more.
        var hint = length < 0 ? ChunkBytes : Math.Max(4096, length + 4096);
        _buffer = new byte[(int)Math.Min(Math.Min(ChunkBytes, hint), maxLineBytes + 1L)];
        _stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 0, FileOptions.SequentialScan);
        if (offset > 0)
        {
            // The line that contains byte offset-1 belongs to the previous range (or, if that byte is the line
            // break, has just ended): skip through the first line break at or after offset-1.
            _stream.Position = offset - 1;
            _bufferFileOffset = offset - 1;
            SkipPastNewline();
        }
    }

    /// <summary>Length in bytes of the line last reported as <see cref="LineKind.TooLong"/>.</summary>
    public long TooLongLength { get; private set; }

    /// <summary>The next owned line (without <c>\r\n</c> / <c>\n</c>).</summary>
    public LineKind Next(out ReadOnlySpan<byte> line)
    {
        line = default;
        if (_bufferFileOffset + _position >= _limit)
        {
            return LineKind.End;
        }

        var scanned = _position;
        while (true)
        {
            var newline = _buffer.AsSpan(scanned, _end - scanned).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                var stop = scanned + newline;
                if (stop - _position > _maxLineBytes)
                {
                    TooLongLength = stop - _position;
                    _position = stop + 1;
                    return LineKind.TooLong;
                }

                line = TrimCarriageReturn(_buffer.AsSpan(_position, stop - _position));
                _position = stop + 1;
                return LineKind.Line;
            }

            if (_end - _position > _maxLineBytes)
            {
                TooLongLength = _end - _position;
                _position = _end;
                TooLongLength += SkipPastNewline();
                return LineKind.TooLong;
            }

            if (_eof)
            {
                if (_position == _end)
                {
                    return LineKind.End;
                }

                line = TrimCarriageReturn(_buffer.AsSpan(_position, _end - _position));
                _position = _end;
                return LineKind.Line;
            }

            scanned = _end;
            var shift = _position;
            Fill();
            scanned -= shift;
        }
    }

    /// <summary>The first line of the file (a CSV header), or null for an empty file; at most <paramref name="maxLineBytes"/> bytes are read.</summary>
    public static byte[]? ReadFirstLine(string path, int maxLineBytes)
    {
        using var reader = new SliceLineReader(path, 0, 4096, maxLineBytes);
        return reader.Next(out var line) switch
        {
            LineKind.Line => line.ToArray(),
            LineKind.TooLong => throw new InvalidDataException($"The header line is longer than {maxLineBytes} bytes."),
            _ => null,
        };
    }

    public void Dispose() => _stream.Dispose();

    private static ReadOnlySpan<byte> TrimCarriageReturn(ReadOnlySpan<byte> line) =>
        line.Length > 0 && line[^1] == (byte)'\r' ? line[..^1] : line;

    /// <summary>Moves the unread bytes to the front, grows the buffer when a line fills it (up to the cap), and reads more.</summary>
    private void Fill()
    {
        if (_position > 0)
        {
            _buffer.AsSpan(_position, _end - _position).CopyTo(_buffer);
            _bufferFileOffset += _position;
            _end -= _position;
            _position = 0;
        }

        if (_end == _buffer.Length)
        {
            Array.Resize(ref _buffer, (int)Math.Min((long)_maxLineBytes + 1 + ChunkBytes, _buffer.Length * 2L));
        }

        var read = _stream.Read(_buffer, _end, _buffer.Length - _end);
        if (read == 0)
        {
            _eof = true;
        }

        _end += read;
    }

    /// <summary>Discards bytes through the next line break (or to the end of the file); returns how many were discarded.</summary>
    private long SkipPastNewline()
    {
        long skipped = 0;
        while (true)
        {
            var newline = _buffer.AsSpan(_position, _end - _position).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                _position += newline + 1;
                return skipped + newline;
            }

            skipped += _end - _position;
            _position = _end;
            if (_eof)
            {
                return skipped;
            }

            Fill();
        }
    }
}
