namespace OrleansBatch.Api.Jobs;

/// <summary>One line of <c>GET /v1/jobs/{name}/errors</c>: a failed item or slice.</summary>
public sealed record JobItemErrorResponse(int MiniBatch, string FileName, long? Row, long? RowCount, int Attempt, string Code, string Message, string? Column, string? Value);
