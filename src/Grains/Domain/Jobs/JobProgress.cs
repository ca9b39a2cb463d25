using OrleansBatch.Abstractions;
namespace OrleansBatch.Grains.Domain.Jobs;

/// <summary>
/// A job's counters as its owner last wrote them (written in batches, not per mini-batch).
/// Items are rows of tabular input and files of file input.
/// </summary>
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

    /// <summary>Whether failed items exceed <c>error_threshold</c> (-1: never).</summary>
    public bool ExceedsThreshold(long errorThreshold) => errorThreshold >= 0 && ItemsFailed > errorThreshold;

    /// <summary>Seconds left at the rate so far, or null before the first mini-batch is done.</summary>
    public double? EtaSeconds(TimeSpan elapsed) =>
        Done == 0 || Total == 0 ? null : Math.Round(elapsed.TotalSeconds / Done * (Total - Done), 1);
}
