namespace OrleansBatch.Scoring;

/// <summary>A scorer the factory caches: retired when evicted (released once its running slices end), disposed at shutdown.</summary>
internal interface ICachedScorer : IScorer, IDisposable
{
    /// <summary>Marks the scorer evicted: it is disposed now if idle, else when its last slice ends.</summary>
    void Retire();
}
