namespace OrleansBatch.Api.Dashboard;

/// <summary>Identical item errors of a job (same code, message and file) shown as one line: how many, and the row range.</summary>
internal sealed record JobErrorGroup(string Code, string Message, string FileName, int Count, long? FirstRow, long? LastRow, int FirstMiniBatch);
