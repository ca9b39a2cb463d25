namespace OrleansBatch.Scoring;

/// <summary>A cached scorer and when it was last handed out (for least-recently-used eviction).</summary>
internal sealed class ScorerCacheEntry(ICachedScorer scorer)
{
    private long _lastUsed = Environment.TickCount64;

    public ICachedScorer Scorer { get; } = scorer;

    public long LastUsed => Interlocked.Read(ref _lastUsed);

    public void Touch() => Interlocked.Exchange(ref _lastUsed, Environment.TickCount64);
}
