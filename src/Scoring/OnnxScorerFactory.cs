using System.Collections.Concurrent;
using System.Diagnostics;
using OrleansBatch.Scoring.Telemetry;

namespace OrleansBatch.Scoring;

/// <summary>
/// Creates <see cref="IScorer"/>s for ONNX models and pipelines, and for ML.NET models (a zip, told apart by its
/// content, see <see cref="ModelFormats"/>), and caches them per cache key, so a silo loads
/// each model version once and its workers share the sessions. Beyond <see cref="OnnxScoringOptions.MaxCachedScorers"/>
/// the least recently used scorer is evicted (released once idle). Sessions get
/// <c>max(1, cores / ConcurrentWorkers)</c> intra-op threads (see <see cref="SessionThreading"/>).
/// </summary>
public sealed class OnnxScorerFactory : IScorerFactory, IDisposable
{
    private readonly OnnxRuntime _runtime;
    private readonly OnnxScoringOptions _options;
    private readonly SessionThreading _threading;
    private readonly ConcurrentDictionary<string, ScorerCacheEntry> _cache = new();
    private readonly Lock _createLock = new();

    public OnnxScorerFactory(OnnxRuntime runtime, OnnxScoringOptions options)
    {
        _runtime = runtime;
        _options = options;
        _threading = SessionThreading.ForWorkers(options.ConcurrentWorkers, Environment.ProcessorCount);
    }

    /// <summary>Intra-op threads each session gets.</summary>
    public int IntraOpThreads => _threading.IntraOpThreads;

    /// <inheritdoc />
    public IScorer GetOrCreate(ScorerSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (spec.ModelPaths.Count == 0)
        {
            throw new ArgumentException("A scorer needs at least one model path.", nameof(spec));
        }

        var key = spec.ScorerKey;
        if (_cache.TryGetValue(key, out var hit))
        {
            hit.Touch();
            PlatformMetrics.ScorerCacheHit();
            return hit.Scorer;
        }

        // One load at a time: loading is heavy, and two workers asking for the same new key must share one load.
        lock (_createLock)
        {
            if (_cache.TryGetValue(key, out hit))
            {
                hit.Touch();
                PlatformMetrics.ScorerCacheHit();
                return hit.Scorer;
            }

            var loading = Stopwatch.GetTimestamp();
            var entry = new ScorerCacheEntry(Create(spec));
            PlatformMetrics.ModelLoaded(entry.Scorer is MlNet.MlNetScorer ? ModelFormats.MlNet : ModelFormats.Onnx, Stopwatch.GetElapsedTime(loading));
            _cache[key] = entry;
            EvictBeyondCapacity();
            return entry.Scorer;
        }
    }

    /// <inheritdoc />
    public bool Evict(string cacheKey)
    {
        // The scorers of one model version: without column settings, and with each set a job gave.
        var evicted = false;
        foreach (var key in _cache.Keys.Where(k => k == cacheKey || k.StartsWith(cacheKey + "|", StringComparison.Ordinal)))
        {
            if (_cache.TryRemove(key, out var entry))
            {
                entry.Scorer.Retire();
                evicted = true;
            }
        }

        return evicted;
    }

    /// <summary>Releases every cached scorer (call after scoring has stopped).</summary>
    public void Dispose()
    {
        foreach (var key in _cache.Keys)
        {
            if (_cache.TryRemove(key, out var entry))
            {
                entry.Scorer.Dispose();
            }
        }
    }

    private ICachedScorer Create(ScorerSpec spec)
    {
        var formats = spec.ModelPaths.Select(ModelFormats.Detect).ToArray();
        if (!formats.Contains(ModelFormats.MlNet))
        {
            return new OnnxScorer(_runtime, spec, _options, _threading);
        }

        return formats.Length == 1
            ? new MlNet.MlNetScorer(spec, _options)
            : throw new ModelLoadException("An ML.NET model cannot be a pipeline step; pipelines chain ONNX graphs. Deploy the ML.NET model on its own.");
    }

    private void EvictBeyondCapacity()
    {
        while (_cache.Count > Math.Max(1, _options.MaxCachedScorers))
        {
            var oldest = _cache.MinBy(p => p.Value.LastUsed);
            Evict(oldest.Key);
        }
    }
}
