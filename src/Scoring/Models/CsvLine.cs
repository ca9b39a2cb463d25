using System.Globalization;

namespace OrleansBatch.Scoring.Models;

/// <summary>
/// Builds one CSV line in a reused char buffer. Numbers are written invariantly in their shortest
/// round-trippable form (a float as a float, not widened to double digits).
/// </summary>
internal sealed class CsvLine
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;
    private char[] _buffer = new char[256];
    private int _length;

    public ReadOnlySpan<char> Span => _buffer.AsSpan(0, _length);

    public void Clear() => _length = 0;

    public void Separator() => Append(',');

    /// <summary>Appends a number (float, double, integers) invariantly; floats in their shortest round-trippable form.</summary>
    public void Append<T>(T value)
        where T : ISpanFormattable
    {
        int written;
        while (!value.TryFormat(_buffer.AsSpan(_length), out written, default, Invariant))
        {
            Grow();
        }

        _length += written;
    }

    /// <summary>Appends a text field, quoted (RFC 4180) when it holds a comma, quote or line break.</summary>
    public void AppendText(string value)
    {
        var quote = value.AsSpan().IndexOfAny(",\"\r\n") >= 0;
        if (!quote)
        {
            AppendRaw(value);
            return;
        }

        Append('"');
        foreach (var c in value)
        {
            if (c == '"')
            {
                Append('"');
            }

            Append(c);
        }

        Append('"');
    }

    private void AppendRaw(ReadOnlySpan<char> text)
    {
        while (_length + text.Length > _buffer.Length)
        {
            Grow();
        }

        text.CopyTo(_buffer.AsSpan(_length));
        _length += text.Length;
    }

    private void Append(char c)
    {
        if (_length == _buffer.Length)
        {
            Grow();
        }

        _buffer[_length++] = c;
    }

    private void Grow() => Array.Resize(ref _buffer, _buffer.Length * 2);
}
