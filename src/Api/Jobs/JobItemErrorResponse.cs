namespace OrleansBatch.Api.Jobs;

/// <summary>
/// One line of <c>GET /v1/jobs/{name}/errors</c>: a failed slice (<c>row</c>, <c>row_count</c>), or <c>count</c> identical
/// errors of a file, the first at <c>first_row</c> and the last at <c>last_row</c> (<c>row</c> is <c>first_row</c>).
/// </summary>
public sealed record JobItemErrorResponse(
    int MiniBatch, string FileName, long? Row, long? RowCount, int Attempt, string Code, string Message, string? Column, string? Value,
    long Count, long? FirstRow, long? LastRow);
