using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace OrleansBatch.Scoring.Telemetry;

/// <summary>
/// The platform's own metrics: one <see cref="Meter"/> named <see cref="MeterName"/> with every instrument of jobs,
/// mini-batches, scoring slots and the scorer cache. It lives in the scoring assembly because that is the lowest one
/// every process loads (gateway, silo host, benchmarks), so each recording site calls it directly.
/// Tags stay bounded: <c>tenant</c>, <c>deployment</c> (<c>endpoint/deployment</c>, no version), <c>silo</c>,
/// <c>status</c>, <c>outcome</c>, <c>result</c>, <c>format</c>; never a job name, file or row.
/// </summary>
public static class PlatformMetrics
{
    /// <summary>The meter's name, to add to a meter provider (<c>AddMeter</c>).</summary>
    public const string MeterName = "OrleansBatch";

    private static readonly Meter Meter = new(MeterName, "1.0");

    private static readonly Counter<long> Jobs = Meter.CreateCounter<long>(
        "obatch.jobs", "{job}", "Jobs that reached a status: Queued when created, Running when planned, then Completed, Failed or Canceled.");

    private static readonly Counter<long> MiniBatchesStarted = Meter.CreateCounter<long>(
        "obatch.minibatches.started", "{mini-batch}", "Mini-batches that took a scoring slot.");

    private static readonly Counter<long> MiniBatchesSucceeded = Meter.CreateCounter<long>(
        "obatch.minibatches.succeeded", "{mini-batch}", "Mini-batches scored and recorded.");

    private static readonly Counter<long> MiniBatchesFailed = Meter.CreateCounter<long>(
        "obatch.minibatches.failed", "{mini-batch}", "Mini-batches that failed every attempt.");

    private static readonly Counter<long> MiniBatchesRetried = Meter.CreateCounter<long>(
        "obatch.minibatches.retried", "{attempt}", "Attempts beyond the first (retry_settings.max_retries at work).");

    private static readonly Histogram<double> MiniBatchDuration = Meter.CreateHistogram(
        "obatch.minibatch.duration", "s", "Time from a mini-batch's first attempt to its result, retries included.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300] });

    private static readonly Counter<long> RowsScored = Meter.CreateCounter<long>(
        "obatch.rows.scored", "{row}", "Rows (or files) scored; its rate is rows per second.");

    private static readonly Counter<long> RowsFailed = Meter.CreateCounter<long>(
        "obatch.rows.failed", "{row}", "Rows (or files) that could not be scored.");

    private static readonly UpDownCounter<long> SlotsBusy = Meter.CreateUpDownCounter<long>(
        "obatch.scoring.slots.busy", "{slot}", "Scoring slots of a silo running a mini-batch now.");

    private static readonly UpDownCounter<long> MiniBatchesWaiting = Meter.CreateUpDownCounter<long>(
        "obatch.minibatches.waiting", "{mini-batch}", "Mini-batches placed on a silo and waiting for a scoring slot.");

    private static readonly Histogram<double> QueueWait = Meter.CreateHistogram(
        "obatch.queue.wait", "s", "Time a mini-batch waited on its silo for a scoring slot (fair shares between tenants).",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 10, 30, 60, 300] });

    private static readonly Histogram<double> ModelLoad = Meter.CreateHistogram(
        "obatch.model.load.duration", "s", "Time to load a model version into a silo's scorer cache (ONNX Runtime sessions or an ML.NET model).",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30] });

    private static readonly Counter<long> ScorerCacheLookups = Meter.CreateCounter<long>(
        "obatch.scorer.cache.lookups", "{lookup}", "Scorer (session) cache lookups of a silo, by result: hit or miss.");

    private static readonly Counter<long> BytesRead = Meter.CreateCounter<long>(
        "obatch.io.read", "By", "Input bytes the scorers read (each mini-batch's slices).");

    private static readonly Counter<long> BytesWritten = Meter.CreateCounter<long>(
        "obatch.io.written", "By", "Output bytes the mini-batches wrote (their parts, before the ordered join).");

    /// <summary>A job reached <paramref name="status"/>.</summary>
    public static void JobReached(string tenant, string deployment, string status) =>
        Jobs.Add(1, new TagList { { "tenant", tenant }, { "deployment", deployment }, { "status", status } });

    /// <summary>A mini-batch was placed on <paramref name="silo"/> and waits for a slot.</summary>
    public static void MiniBatchQueued(string silo) => MiniBatchesWaiting.Add(1, new KeyValuePair<string, object?>("silo", silo));

    /// <summary>A waiting mini-batch was handed back (its silo stops) without running.</summary>
    public static void MiniBatchHandedBack(string silo) => MiniBatchesWaiting.Add(-1, new KeyValuePair<string, object?>("silo", silo));

    /// <summary>A waiting mini-batch took a slot of <paramref name="silo"/> after <paramref name="waited"/>.</summary>
    public static void MiniBatchStarted(string silo, string tenant, string deployment, TimeSpan waited)
    {
        var siloTag = new KeyValuePair<string, object?>("silo", silo);
        MiniBatchesWaiting.Add(-1, siloTag);
        SlotsBusy.Add(1, siloTag);
        MiniBatchesStarted.Add(1, new TagList { { "tenant", tenant }, { "deployment", deployment } });
        QueueWait.Record(waited.TotalSeconds, new KeyValuePair<string, object?>("tenant", tenant));
    }

    /// <summary>A slot of <paramref name="silo"/> is free again.</summary>
    public static void SlotFreed(string silo) => SlotsBusy.Add(-1, new KeyValuePair<string, object?>("silo", silo));

    /// <summary>A mini-batch's result: its outcome, attempts, duration, rows and the bytes of its output part.</summary>
    public static void MiniBatchEnded(string tenant, string deployment, bool succeeded, int attempts, TimeSpan duration, long rowsScored, long rowsFailed, long bytesWritten)
    {
        var tags = new TagList { { "tenant", tenant }, { "deployment", deployment } };
        (succeeded ? MiniBatchesSucceeded : MiniBatchesFailed).Add(1, tags);
        if (attempts > 1)
            MiniBatchesRetried.Add(attempts - 1, tags);
        RowsScored.Add(rowsScored, tags);
        if (rowsFailed > 0)
            RowsFailed.Add(rowsFailed, tags);
        if (bytesWritten > 0)
            BytesWritten.Add(bytesWritten, new KeyValuePair<string, object?>("tenant", tenant));
        tags.Add("outcome", succeeded ? "succeeded" : "failed");
        MiniBatchDuration.Record(duration.TotalSeconds, tags);
    }

    /// <summary>A scoring attempt read <paramref name="bytes"/> of input.</summary>
    public static void InputRead(string tenant, long bytes) => BytesRead.Add(bytes, new KeyValuePair<string, object?>("tenant", tenant));

    /// <summary>The scorer cache had the model version loaded already.</summary>
    public static void ScorerCacheHit() => ScorerCacheLookups.Add(1, new KeyValuePair<string, object?>("result", "hit"));

    /// <summary>The scorer cache loaded a model version (<paramref name="format"/>: onnx or mlnet) in <paramref name="elapsed"/>.</summary>
    public static void ModelLoaded(string format, TimeSpan elapsed)
    {
        ScorerCacheLookups.Add(1, new KeyValuePair<string, object?>("result", "miss"));
        ModelLoad.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("format", format));
    }
}
