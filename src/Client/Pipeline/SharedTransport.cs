namespace OrleansBatch.Client.Pipeline;

/// <summary>
/// Sends through a handler the client does not own (the caller's <see cref="OrleansBatchClientOptions.Transport"/> or
/// the process-wide default), so that disposing a handler chain, as IHttpClientFactory does when it rotates
/// handlers, never disposes it.
/// </summary>
internal sealed class SharedTransport : HttpMessageHandler
{
    // One connection pool for every client built without a transport, refreshed for DNS changes.
    private static readonly SocketsHttpHandler Default = new()
    {
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        AutomaticDecompression = System.Net.DecompressionMethods.All,
    };

    private readonly HttpMessageInvoker _invoker;

    public SharedTransport(HttpMessageHandler? transport)
    {
        _invoker = new HttpMessageInvoker(transport ?? Default, disposeHandler: false);
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        => _invoker.SendAsync(request, cancellationToken);
}
