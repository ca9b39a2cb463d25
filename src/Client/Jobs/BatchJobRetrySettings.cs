namespace OrleansBatch.Client.Jobs;

/// <summary>Per-job retry settings: retries after the first attempt, and the time limit of one attempt in seconds.</summary>
public sealed record BatchJobRetrySettings(int? MaxRetries = null, int? Timeout = null);
