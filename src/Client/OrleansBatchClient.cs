using OrleansBatch.Client.Pipeline;

namespace OrleansBatch.Client;

/// <summary>
/// The typed client of the OrleansBatch gateway: tenants and keys, the cluster, models, data assets, uploads,
/// batch endpoints and their deployments. Thread-safe; create one per endpoint and key and reuse it, or register
/// it with <see cref="OrleansBatchServiceCollectionExtensions.AddOrleansBatchClient(Microsoft.Extensions.DependencyInjection.IServiceCollection, Uri, string)"/>.
/// Every call throws <see cref="OrleansBatchRequestException"/> when the gateway refuses or fails it.
/// </summary>
public partial class OrleansBatchClient
{
    private readonly Gateway? _gateway;

    /// <summary>For mocking: a derived class overrides the methods it needs.</summary>
    protected OrleansBatchClient()
    {
        Endpoint = new Uri("http://localhost/");
    }

    /// <summary>Creates a client with the default options.</summary>
    /// <param name="endpoint">The gateway's base address, e.g. <c>http://127.0.0.1:5080/</c>.</param>
    /// <param name="apiKey">A tenant API key, or the platform admin key for tenant management.</param>
    public OrleansBatchClient(Uri endpoint, string apiKey)
        : this(endpoint, apiKey, new OrleansBatchClientOptions())
    {
    }

    /// <summary>Creates a client.</summary>
    /// <param name="endpoint">The gateway's base address, e.g. <c>http://127.0.0.1:5080/</c>.</param>
    /// <param name="apiKey">A tenant API key, or the platform admin key for tenant management.</param>
    /// <param name="options">Retries, timeouts, transport and user agent.</param>
    public OrleansBatchClient(Uri endpoint, string apiKey, OrleansBatchClientOptions options)
        : this(endpoint, apiKey, CreateHttpClient(options), options)
    {
    }

    /// <summary>Creates a client over an HttpClient whose handlers already retry (from IHttpClientFactory).</summary>
    internal OrleansBatchClient(Uri endpoint, string apiKey, HttpClient httpClient, OrleansBatchClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentException.ThrowIfNullOrWhiteSpace(apiKey);
        ArgumentNullException.ThrowIfNull(options);
        if (!endpoint.IsAbsoluteUri || (endpoint.Scheme != Uri.UriSchemeHttp && endpoint.Scheme != Uri.UriSchemeHttps))
            throw new ArgumentException($"The endpoint must be an absolute http or https address, not '{endpoint}'.", nameof(endpoint));
        options.Validate();
        Endpoint = endpoint;
        _gateway = new Gateway(endpoint, apiKey, httpClient, options.ApplicationId);
    }

    /// <summary>The gateway's base address this client talks to.</summary>
    public virtual Uri Endpoint { get; }

    private protected Gateway Gateway
        => _gateway ?? throw new InvalidOperationException("This OrleansBatchClient was made for mocking; override the method called.");

    /// <summary>Reads one version (a number or <c>latest</c>) of a model or data asset.</summary>
    private Task<T> GetAssetVersionAsync<T>(string collection, string name, string version, CancellationToken cancellationToken)
        where T : Models.BatchResource
        => Gateway.SendAsync<T>(HttpMethod.Get, $"v1/{collection}/{Gateway.Segment(name, nameof(name))}/versions/{version}",
            null, null, cancellationToken);

    private static HttpClient CreateHttpClient(OrleansBatchClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var handler = new TransientRetryHandler(options) { InnerHandler = new SharedTransport(options.Transport) };
        // The retry handler bounds each try; HttpClient's own timeout would cut across retries.
        return new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
    }
}
