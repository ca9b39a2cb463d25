namespace OrleansBatch.Client;

/// <summary>Options for <see cref="OrleansBatchClient"/>: retries, timeouts, transport and user agent.</summary>
public sealed class OrleansBatchClientOptions
{
    /// <summary>
    /// How many times a request that failed transiently (network error, timeout, 408, 429, 500, 502, 503, 504)
    /// is tried again. Only idempotent requests (GET, PUT, DELETE) are retried; POST and PATCH are sent once
    /// so that a retry can never register a second model version or upload. Default 3; 0 turns retries off.
    /// </summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>The delay before the first retry; it doubles on every further retry (with jitter). Default 0.8 s.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(0.8);

    /// <summary>The longest delay between two tries, including a server's <c>Retry-After</c>. Default 30 s.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long one try of a request may take before it is abandoned (and retried when allowed). Default 100 s.</summary>
    public TimeSpan NetworkTimeout { get; set; } = TimeSpan.FromSeconds(100);

    /// <summary>
    /// The handler that sends requests, e.g. <c>WebApplicationFactory.Server.CreateHandler()</c> in tests or a
    /// configured <see cref="SocketsHttpHandler"/>. The client never disposes it. When null a shared
    /// <see cref="SocketsHttpHandler"/> is used.
    /// </summary>
    public HttpMessageHandler? Transport { get; set; }

    /// <summary>
    /// An application id put in front of the client's <c>User-Agent</c> (e.g. <c>scoring-service/2.1</c>), so the
    /// platform's logs show which service called. At most 24 characters, no spaces.
    /// </summary>
    public string? ApplicationId { get; set; }

    /// <summary>Checks the values and throws an exception that names the property to fix.</summary>
    internal void Validate()
    {
        if (MaxRetries < 0)
            throw new ArgumentOutOfRangeException(nameof(MaxRetries), MaxRetries, "MaxRetries must be 0 or more.");
        if (RetryDelay < TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(RetryDelay), RetryDelay, "RetryDelay must not be negative.");
        if (MaxRetryDelay < RetryDelay)
            throw new ArgumentOutOfRangeException(nameof(MaxRetryDelay), MaxRetryDelay, "MaxRetryDelay must be at least RetryDelay.");
        if (NetworkTimeout <= TimeSpan.Zero && NetworkTimeout != Timeout.InfiniteTimeSpan)
            throw new ArgumentOutOfRangeException(nameof(NetworkTimeout), NetworkTimeout, "NetworkTimeout must be positive (or Timeout.InfiniteTimeSpan).");
        if (ApplicationId is { } id && (id.Length > 24 || id.Any(char.IsWhiteSpace)))
            throw new ArgumentException("ApplicationId must be at most 24 characters with no spaces.", nameof(ApplicationId));
    }
}
