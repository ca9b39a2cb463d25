namespace OrleansBatch.Api.Jobs;

/// <summary><c>retry_settings</c> of a job.</summary>
public sealed record JobRetrySettingsResponse(int MaxRetries, int Timeout);
