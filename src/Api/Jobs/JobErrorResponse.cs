namespace OrleansBatch.Api.Jobs;

/// <summary>Why a job failed.</summary>
public sealed record JobErrorResponse(string Code, string Message);
