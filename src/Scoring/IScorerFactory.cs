namespace OrleansBatch.Scoring;

/// <summary>Creates scorers and keeps them per cache key, so concurrent workers of a silo share one per model version.</summary>
public interface IScorerFactory
{
    /// <summary>The cached scorer for <see cref="ScorerSpec.CacheKey"/>, loading the models on first use.</summary>
    /// <exception cref="ModelLoadException">A model cannot be loaded or run (ONNX Runtime's message).</exception>
    IScorer GetOrCreate(ScorerSpec spec);

    /// <summary>Drops the scorer of <paramref name="cacheKey"/>; its sessions are released once no slice is being scored with it.</summary>
    bool Evict(string cacheKey);
}
