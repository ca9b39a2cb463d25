using OrleansBatch.Abstractions;
namespace OrleansBatch.Grains.Domain.Jobs;

/// <summary>
/// One line of a job's error report: the mini-batch, the file, the row (or row range of a failed slice:
/// <paramref name="Row"/> and <paramref name="RowCount"/>), the attempt, a stable code and a message. Identical
/// errors of a file (same code, message and column) are one line: <paramref name="Count"/> of them, the first at
/// <paramref name="Row"/> and the last at <paramref name="LastRow"/> (see <see cref="JobItemErrorGroups"/>).
/// </summary>
[GenerateSerializer, Immutable, Alias("obatch.jobs.JobItemError")]
public sealed record JobItemError(
    int MiniBatch, string FileName, long? Row, long? RowCount, int Attempt, string Code, string Message, string? Column = null, string? Value = null,
    long? LastRow = null, long Count = 1)
{
    /// <summary>The last row this line covers: <see cref="LastRow"/>, the end of a failed slice, or <see cref="Row"/>.</summary>
    public long? LastRowCovered => LastRow ?? (Row is { } row && RowCount is { } n and > 0 ? row + n - 1 : Row);

    /// <summary>These errors' rows moved by <paramref name="rowBase"/> (a slice's rows are numbered within the slice).</summary>
    public JobItemError ShiftedBy(long rowBase) => rowBase == 0 ? this : this with { Row = Row + rowBase, LastRow = LastRow + rowBase };
}
