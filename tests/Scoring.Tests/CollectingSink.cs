namespace OrleansBatch.Scoring.Tests;

/// <summary>Keeps every scored row (thread-safe, as workers may share a sink).</summary>
public sealed class CollectingSink : IPredictionSink
{
    private readonly List<(long Row, string Values)> _rows = [];

    public IReadOnlyList<(long Row, string Values)> Rows
    {
        get
        {
            lock (_rows)
            {
                return [.. _rows];
            }
        }
    }

    public void Append(long rowInSlice, ReadOnlySpan<char> csvValues)
    {
        var line = csvValues.ToString();
        lock (_rows)
        {
            _rows.Add((rowInSlice, line));
        }
    }
}
