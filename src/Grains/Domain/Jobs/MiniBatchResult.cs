namespace OrleansBatch.Grains.Domain.Jobs;

/// <summary>
/// The recorded outcome of one mini-batch (grain key tenant/job/index), created once: the first record
/// wins and a duplicate delivery changes nothing. <paramref name="PartPath"/> names the output part the
/// winning attempt wrote (null when it failed); <paramref name="Segments"/> is the part's manifest.
/// </summary>
public sealed record MiniBatchResult(
    int Index,
    bool Succeeded,
    string? PartPath,
    IReadOnlyList<MiniBatchSegment> Segments,
    IReadOnlyList<string> Columns,
    long ItemsSucceeded,
    long ItemsFailed,
    int Attempts,
    double DurationMs,
    IReadOnlyList<JobItemError> Errors,
    long ErrorsOmitted,
    string Worker,
    DateTimeOffset RecordedAt)
{
    /// <summary>At most this many item errors are kept per mini-batch; the rest are counted.</summary>
    public const int MaxErrorsKept = 100;
}
