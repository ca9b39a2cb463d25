namespace OrleansBatch.Abstractions.Jobs;

/// <summary>
/// One line of a job's error report: <see cref="Count"/> identical errors of a file (the first at <see cref="Row"/>, the
/// last at <see cref="LastRow"/>), or a failed slice of rows, with the mini-batch, attempt, a stable code and a message.
/// </summary>
[GenerateSerializer, Immutable, Alias("obatch.JobItemErrorInfo")]
public sealed record JobItemErrorInfo(int MiniBatch, string FileName, long? Row, long? LastRow, long Count, int Attempt, string Code, string Message, string? Column);
