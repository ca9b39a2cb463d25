namespace OrleansBatch.Client.Jobs;

/// <summary>Why a job failed: a stable code and a message.</summary>
public sealed record BatchJobError(string Code, string Message);
