namespace OrleansBatch.Client.Jobs;

/// <summary>One line of a job's error report: the mini-batch, the file, the row (or row count of a failed slice), the attempt, a code and a message.</summary>
public sealed record BatchJobItemError(int MiniBatch, string FileName, long? Row, long? RowCount, int Attempt, string Code, string Message, string? Column, string? Value);
