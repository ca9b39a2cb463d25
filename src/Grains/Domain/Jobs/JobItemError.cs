using OrleansBatch.Abstractions;
namespace OrleansBatch.Grains.Domain.Jobs;

/// <summary>
/// One line of a job's error report: the mini-batch, the file, the row (or row range of a failed slice:
/// <paramref name="Row"/> and <paramref name="RowCount"/>), the attempt, a stable code and a message.
/// </summary>
public sealed record JobItemError(int MiniBatch, string FileName, long? Row, long? RowCount, int Attempt, string Code, string Message, string? Column = null, string? Value = null);
