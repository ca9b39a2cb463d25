using System.Collections;
using System.Diagnostics;

namespace OrleansBatch.Silo.Tests.Telemetry;

/// <summary>The in-memory exporter's target: spans ended on any thread, read by the test while jobs still run.</summary>
public sealed class SpanCollection : ICollection<Activity>
{
    private readonly Lock _gate = new();
    private readonly List<Activity> _spans = [];

    /// <summary>A copy of the spans of one trace.</summary>
    public List<Activity> OfTrace(ActivityTraceId traceId)
    {
        lock (_gate)
            return _spans.Where(s => s.TraceId == traceId).ToList();
    }

    public int Count
    {
        get { lock (_gate) return _spans.Count; }
    }

    public bool IsReadOnly => false;

    public void Add(Activity item)
    {
        lock (_gate)
            _spans.Add(item);
    }

    public void Clear()
    {
        lock (_gate)
            _spans.Clear();
    }

    public bool Contains(Activity item)
    {
        lock (_gate)
            return _spans.Contains(item);
    }

    public void CopyTo(Activity[] array, int arrayIndex)
    {
        lock (_gate)
            _spans.CopyTo(array, arrayIndex);
    }

    public bool Remove(Activity item)
    {
        lock (_gate)
            return _spans.Remove(item);
    }

    public IEnumerator<Activity> GetEnumerator()
    {
        lock (_gate)
            return _spans.ToList().GetEnumerator();
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
