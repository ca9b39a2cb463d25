namespace OrleansBatch.Api.Contracts;

/// <summary><c>retry_settings</c>: <c>max_retries</c> (0-100, default 3) and <c>timeout</c> in seconds (1-86400, default 30).</summary>
public sealed record RetrySettingsRequest
{
    public int? MaxRetries { get; init; }
    public int? Timeout { get; init; }
}
