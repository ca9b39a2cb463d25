using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OrleansBatch.Client.Pipeline;

namespace OrleansBatch.Client;

/// <summary>Registers <see cref="OrleansBatchClient"/> with dependency injection, its HttpClient coming from IHttpClientFactory.</summary>
public static class OrleansBatchServiceCollectionExtensions
{
    /// <summary>The name of the HttpClient and of the options the client is registered with.</summary>
    public const string HttpClientName = "OrleansBatch";

    /// <summary>Registers an <see cref="OrleansBatchClient"/> for a gateway and API key with the default options.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="endpoint">The gateway's base address.</param>
    /// <param name="apiKey">The API key.</param>
    /// <returns>The HttpClient builder, to add handlers of your own.</returns>
    public static IHttpClientBuilder AddOrleansBatchClient(this IServiceCollection services, Uri endpoint, string apiKey)
        => services.AddOrleansBatchClient(endpoint, apiKey, _ => { });

    /// <summary>Registers an <see cref="OrleansBatchClient"/> for a gateway and API key, with options.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="endpoint">The gateway's base address.</param>
    /// <param name="apiKey">The API key.</param>
    /// <param name="configure">Sets retries, timeouts, transport and user agent.</param>
    /// <returns>The HttpClient builder, to add handlers of your own.</returns>
    public static IHttpClientBuilder AddOrleansBatchClient(this IServiceCollection services, Uri endpoint, string apiKey,
        Action<OrleansBatchClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentException.ThrowIfNullOrWhiteSpace(apiKey);
        ArgumentNullException.ThrowIfNull(configure);

        services.AddOptions<OrleansBatchClientOptions>(HttpClientName)
            .Configure(configure)
            .Validate(options =>
            {
                options.Validate();
                return true;
            });

        var builder = services.AddHttpClient(HttpClientName)
            .ConfigureHttpClient(http => http.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(provider => new SharedTransport(Options(provider).Transport))
            .AddHttpMessageHandler(provider => new TransientRetryHandler(Options(provider)));
        builder.AddTypedClient((http, provider) => new OrleansBatchClient(endpoint, apiKey, http, Options(provider)));
        return builder;
    }

    private static OrleansBatchClientOptions Options(IServiceProvider provider)
        => provider.GetRequiredService<IOptionsMonitor<OrleansBatchClientOptions>>().Get(HttpClientName);
}
