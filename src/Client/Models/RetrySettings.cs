namespace OrleansBatch.Client.Models;

/// <summary>How a failed mini-batch is retried (<c>retry_settings</c>).</summary>
public sealed record RetrySettings
{
    /// <summary>How many times a failed mini-batch is tried again (default 3).</summary>
    public int? MaxRetries { get; init; }

    /// <summary>How long one try of a mini-batch may take, in seconds (default 30).</summary>
    public int? Timeout { get; init; }
}
