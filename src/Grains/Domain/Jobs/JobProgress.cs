using OrleansBatch.Abstractions;
namespace OrleansBatch.Grains.Domain.Jobs;

/// <summary>
/// A job's counters as its owner last wrote them (written in batches, not per mini-batch).
/// Items are rows of tabular input and files of file input.
/// </summary>
[GenerateSerializer, Immutable, Alias("obatch.jobs.JobProgress")]
public sealed record JobProgress(
    int Total = 0,
    int Dispatched = 0,
    int Succeeded = 0,
    int Failed = 0,
    long ItemsSucceeded = 0,
    long ItemsFailed = 0,
    long RowsWritten = 0)
{
    public static readonly JobProgress Empty = new();

    public int Done => Succeeded + Failed;

    /// <summary>Dispatched and not yet finished (queued or being scored).</summary>
    public int Running => Dispatched - Done;

    public int Pending => Total - Dispatched;

    public double Percent => Total == 0 ? 0 : Math.Round(100.0 * Done / Total, 1);

    /// <summary>These counters with one more mini-batch's result counted (its lines count as rows written).</summary>
    public JobProgress Add(MiniBatchResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return this with
        {
            Succeeded = Succeeded + (result.Succeeded ? 1 : 0),
            Failed = Failed + (result.Succeeded ? 0 : 1),
            ItemsSucceeded = ItemsSucceeded + result.ItemsSucceeded,
            ItemsFailed = ItemsFailed + result.ItemsFailed,
            RowsWritten = RowsWritten + (result.Succeeded ? result.Segments.Sum(s => s.Lines) : 0),
        };
    }

    /// <summary>These counters for a job that has ended: mini-batches dispatched and never finished (canceled) are not running.</summary>
    public JobProgress Settled() => this with { Dispatched = Done };

    /// <summary>Whether failed items exceed <c>error_threshold</c> (-1: never).</summary>
    public bool ExceedsThreshold(long errorThreshold) => errorThreshold >= 0 && ItemsFailed > errorThreshold;

    /// <summary>Whether every mini-batch is done, something failed, and not one item was scored.</summary>
    public bool NoItemSucceeded => Total > 0 && Done == Total && ItemsSucceeded == 0 && (ItemsFailed > 0 || Failed > 0);

    /// <summary>
    /// Why job <paramref name="job"/> must fail now, or null: more failed items than <c>error_threshold</c>, or, once every
    /// mini-batch is done, not one item scored; the latter whatever the threshold says, since an output with no
    /// prediction is no success.
    /// </summary>
    public JobError? Failure(long errorThreshold, string job) =>
        ExceedsThreshold(errorThreshold)
            ? new JobError("ErrorThresholdExceeded", $"{ItemsFailed} item(s) failed, more than error_threshold {errorThreshold}; see GET /v1/jobs/{job}/errors.")
            : NoItemSucceeded
                ? new JobError("NoItemSucceeded", $"No item was scored: all {ItemsFailed} item(s) failed ({Failed} of {Total} mini-batches failed); see GET /v1/jobs/{job}/errors.")
                : null;

    /// <summary>Seconds left at the rate so far, or null before the first mini-batch is done.</summary>
    public double? EtaSeconds(TimeSpan elapsed) =>
        Done == 0 || Total == 0 ? null : Math.Round(elapsed.TotalSeconds / Done * (Total - Done), 1);
}
