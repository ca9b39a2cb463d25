using OrleansBatch.Abstractions;
namespace OrleansBatch.Grains.Domain.Jobs;

/// <summary>
/// The recorded outcome of one mini-batch (grain key tenant/job/index), created once: the first record
/// wins and a duplicate delivery changes nothing. <paramref name="PartPath"/> names the output part the
/// winning attempt wrote (null when it failed, or when the part is small enough to travel in
/// <paramref name="InlinePart"/>: one storage write and read less per small mini-batch); <paramref name="Segments"/> is the part's manifest;
/// <paramref name="PartBytes"/> the part's size (0 in records written before it was kept).
/// </summary>
[GenerateSerializer, Immutable, Alias("obatch.jobs.MiniBatchResult")]
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
    DateTimeOffset RecordedAt,
    string? InlinePart = null,
    long PartBytes = 0)
{
    /// <summary>
    /// A part of at most this many bytes is kept in the result record rather than written as an artifact. Small, because
    /// the job's owner holds the text in memory until the part is staged: 4 KB is about a hundred output rows.
    /// </summary>
    public const int MaxInlinePartBytes = 4096;

    /// <summary>Whether the mini-batch left output lines to join (in a part artifact or inline).</summary>
    public bool HasOutput => Succeeded && (PartPath is not null || InlinePart is not null) && Segments.Any(s => s.Lines > 0);

    /// <summary>
    /// At most this many distinct item errors are kept per mini-batch (identical ones are one grouped line, see
    /// <see cref="JobItemErrorGroups"/>); the rest are counted in <see cref="ErrorsOmitted"/>.
    /// </summary>
    public const int MaxErrorsKept = 1000;
}
