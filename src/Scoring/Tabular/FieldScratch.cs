namespace OrleansBatch.Scoring.Tabular;

/// <summary>A reused, growing byte buffer for field text that cannot be a slice of its line (unescaped CSV quotes, escaped JSON strings).</summary>
internal sealed class FieldScratch
{
    private byte[] _buffer = new byte[256];
    private int _length;

    public ReadOnlySpan<byte> Span => _buffer.AsSpan(0, _length);

    public void Clear() => _length = 0;

    public void Append(ReadOnlySpan<byte> bytes)
    {
        if (_length + bytes.Length > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(_length + bytes.Length, _buffer.Length * 2));
        }

        bytes.CopyTo(_buffer.AsSpan(_length));
        _length += bytes.Length;
    }

    /// <summary>Room for <paramref name="length"/> bytes, for APIs that write into a span (the previous content is dropped).</summary>
    public Span<byte> Reserve(int length)
    {
        if (length > _buffer.Length)
        {
            _buffer = new byte[Math.Max(length, _buffer.Length * 2)];
        }

        _length = length;
        return _buffer.AsSpan(0, length);
    }
}
