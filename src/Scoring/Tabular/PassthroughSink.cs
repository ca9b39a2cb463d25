namespace OrleansBatch.Scoring.Tabular;

/// <summary>
/// Puts each row's <c>settings.passthrough_columns</c> values (CSV-quoted) in front of its model outputs. The
/// values are captured when a row is committed to the batch and handed out in the same order, because a batch
/// writes its rows in the order they were committed.
/// </summary>
internal sealed class PassthroughSink(IPredictionSink inner) : IPredictionSink
{
    private readonly Queue<string> _values = new();
    private char[] _line = new char[256];

    /// <summary>Records the passthrough values of the row just committed, already joined as CSV fields.</summary>
    public void Capture(string csvFields) => _values.Enqueue(csvFields);

    public void Append(long rowInSlice, ReadOnlySpan<char> csvValues)
    {
        var prefix = _values.Dequeue();
        var length = prefix.Length + 1 + csvValues.Length;
        if (_line.Length < length)
        {
            _line = new char[Math.Max(length, _line.Length * 2)];
        }

        prefix.CopyTo(_line);
        _line[prefix.Length] = ',';
        csvValues.CopyTo(_line.AsSpan(prefix.Length + 1));
        inner.Append(rowInSlice, _line.AsSpan(0, length));
    }
}
