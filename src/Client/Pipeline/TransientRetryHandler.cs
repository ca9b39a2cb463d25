using System.Net;

namespace OrleansBatch.Client.Pipeline;

/// <summary>
/// Tries idempotent requests again after transient failures, with exponential back-off, and bounds every try by
/// <see cref="OrleansBatchClientOptions.NetworkTimeout"/>. POST and PATCH go once: a retried POST could register a
/// second model version.
/// </summary>
internal sealed class TransientRetryHandler : DelegatingHandler
{
    /// <summary>Set on a request whose response body is streamed to the caller (logs, outputs) rather than buffered.</summary>
    public static readonly HttpRequestOptionsKey<bool> StreamResponse = new("OrleansBatch.StreamResponse");

    private readonly int _maxRetries;
    private readonly TimeSpan _retryDelay;
    private readonly TimeSpan _maxRetryDelay;
    private readonly TimeSpan _networkTimeout;

    public TransientRetryHandler(OrleansBatchClientOptions options)
    {
        _maxRetries = options.MaxRetries;
        _retryDelay = options.RetryDelay;
        _maxRetryDelay = options.MaxRetryDelay;
        _networkTimeout = options.NetworkTimeout;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var idempotent = request.Method == HttpMethod.Get || request.Method == HttpMethod.Put
            || request.Method == HttpMethod.Delete || request.Method == HttpMethod.Head;
        for (var attempt = 0; ; attempt++)
        {
            var mayRetry = idempotent && attempt < _maxRetries;
            using var tryTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            if (_networkTimeout != Timeout.InfiniteTimeSpan)
                tryTimeout.CancelAfter(_networkTimeout);

            HttpResponseMessage? response = null;
            try
            {
                response = await base.SendAsync(request, tryTimeout.Token).ConfigureAwait(false);
                // Reading the body belongs to the try: a body that stalls is a timeout, one cut off may be retried.
                if (!request.Options.TryGetValue(StreamResponse, out var streamed) || !streamed)
                    await response.Content.LoadIntoBufferAsync(tryTimeout.Token).ConfigureAwait(false);
            }
            // Transports differ in how an abandoned try surfaces: a cancellation, an HttpRequestException or an IOException.
            catch (Exception e) when (e is OperationCanceledException or HttpRequestException or IOException
                && tryTimeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                response?.Dispose();
                if (!mayRetry)
                    throw new TimeoutException($"The gateway did not answer {request.Method} {request.RequestUri?.AbsolutePath} within {_networkTimeout.TotalSeconds:0.#} s (OrleansBatchClientOptions.NetworkTimeout).", e);
                await Task.Delay(Backoff(attempt), cancellationToken).ConfigureAwait(false);
                continue;
            }
            catch (Exception e) when (e is HttpRequestException or IOException && mayRetry && !cancellationToken.IsCancellationRequested)
            {
                response?.Dispose();
                await Task.Delay(Backoff(attempt), cancellationToken).ConfigureAwait(false);
                continue;
            }

            if (!mayRetry || !IsTransient(response.StatusCode))
                return response;
            var delay = RetryAfter(response) ?? Backoff(attempt);
            response.Dispose();
            await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
        }
    }

    private static bool IsTransient(HttpStatusCode status) => status is HttpStatusCode.RequestTimeout
        or HttpStatusCode.TooManyRequests or HttpStatusCode.InternalServerError or HttpStatusCode.BadGateway
        or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;

    private TimeSpan Backoff(int attempt)
    {
        // Full doubling plus up to 20 % jitter, so many clients that failed together do not retry together.
        var delay = _retryDelay * Math.Pow(2, attempt) * (1 + Random.Shared.NextDouble() * 0.2);
        return delay > _maxRetryDelay ? _maxRetryDelay : delay;
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        var delay = header?.Delta ?? (header?.Date is { } date ? date - DateTimeOffset.UtcNow : null);
        if (delay is null)
            return null;
        return delay < TimeSpan.Zero ? TimeSpan.Zero : delay > _maxRetryDelay ? _maxRetryDelay : delay;
    }
}
