using System.Net.Http.Headers;
using System.Net.Http.Json;
using OrleansBatch.Client.Models;

namespace OrleansBatch.Client.Pipeline;

/// <summary>
/// The gateway as the client sees it: builds URLs under the endpoint, adds the API key and user agent, sends, and
/// turns responses into typed results or <see cref="OrleansBatchRequestException"/>.
/// </summary>
internal sealed class Gateway
{
    private const string ProblemJson = "application/problem+json";
    private readonly Uri _root;
    private readonly AuthenticationHeaderValue _authorization;
    private readonly string _userAgent;
    private readonly HttpClient _http;

    public Gateway(Uri endpoint, string apiKey, HttpClient http, string? applicationId)
    {
        // A trailing slash makes relative paths land under a path prefix such as https://host/obatch/.
        _root = endpoint.AbsoluteUri.EndsWith('/') ? endpoint : new Uri(endpoint.AbsoluteUri + "/");
        _authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        _userAgent = UserAgent.For(applicationId);
        _http = http;
    }

    public static HttpContent Json<T>(T value) => JsonContent.Create(value, options: ClientJson.Options);

    /// <summary>
    /// Sends a request and reads a resource, with its ETag from the response header. <paramref name="prepare"/> adds
    /// request headers of a particular call (e.g. <c>Idempotency-Key</c> when invoking an endpoint).
    /// </summary>
    public async Task<T> SendAsync<T>(HttpMethod method, string path, HttpContent? content, string? ifMatch,
        CancellationToken cancellationToken, Action<HttpRequestMessage>? prepare = null) where T : BatchResource
    {
        using var response = await SendCheckedAsync(method, Resolve(path), content, ifMatch, cancellationToken, prepare).ConfigureAwait(false);
        var value = await ReadAsync<T>(response, cancellationToken).ConfigureAwait(false);
        var etag = response.Headers.ETag?.ToString();
        // Records clone through a virtual method, so the copy keeps the derived type.
        return etag is null ? value : (T)(value with { ETag = etag });
    }

    /// <summary>Sends a request and reads a body that is not a versioned resource.</summary>
    public async Task<T> SendForValueAsync<T>(HttpMethod method, string path, HttpContent? content,
        CancellationToken cancellationToken)
    {
        using var response = await SendCheckedAsync(method, Resolve(path), content, null, cancellationToken).ConfigureAwait(false);
        return await ReadAsync<T>(response, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sends a request with extra headers (e.g. <c>Idempotency-Key</c>) and reads a body that is not a versioned resource.</summary>
    public async Task<T> SendForValueAsync<T>(HttpMethod method, string path, HttpContent? content, IEnumerable<KeyValuePair<string, string>> headers,
        CancellationToken cancellationToken)
    {
        using var response = await SendCheckedAsync(method, Resolve(path), content, null, cancellationToken, request =>
        {
            foreach (var (name, value) in headers)
                request.Headers.TryAddWithoutValidation(name, value);
        }).ConfigureAwait(false);
        return await ReadAsync<T>(response, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sends a GET and returns the checked response as soon as its headers arrive, for streaming bodies; the caller disposes it.</summary>
    public Task<HttpResponseMessage> OpenAsync(string path, CancellationToken cancellationToken)
        => SendCheckedAsync(HttpMethod.Get, Resolve(path), null, null, cancellationToken, null, HttpCompletionOption.ResponseHeadersRead);

    /// <summary>Sends a request whose answer has no body worth reading (204).</summary>
    public async Task SendAsync(HttpMethod method, string path, string? ifMatch, CancellationToken cancellationToken)
    {
        using var response = await SendCheckedAsync(method, Resolve(path), null, ifMatch, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A list that follows <c>next_link</c>; the continuation token is the next link itself.</summary>
    public OrleansBatchPageable<T> List<T>(string path, CancellationToken cancellationToken)
        => new(async (continuation, pageSize, token) =>
        {
            var uri = continuation is null ? Resolve(pageSize is null ? path : AddQuery(path, "top", pageSize.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)))
                : ResolveLink(continuation);
            using var response = await SendCheckedAsync(HttpMethod.Get, uri, null, null, token).ConfigureAwait(false);
            var page = await ReadAsync<ListResponse<T>>(response, token).ConfigureAwait(false);
            return new OrleansBatchPage<T>(page.Value ?? [], string.IsNullOrEmpty(page.NextLink) ? null : page.NextLink);
        }, cancellationToken);

    public static string Segment(string value, string parameterName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value, parameterName);
        return Uri.EscapeDataString(value);
    }

    public static string AddQuery(string path, string name, string value)
        => $"{path}{(path.Contains('?') ? '&' : '?')}{name}={Uri.EscapeDataString(value)}";

    private Uri Resolve(string path) => new(_root, path);

    /// <summary>
    /// Resolves a <c>next_link</c>. An absolute link only lends its path and query: the API key must never be
    /// sent to a host other than the configured endpoint, whatever a response says.
    /// </summary>
    private Uri ResolveLink(string link)
    {
        if (Uri.TryCreate(link, UriKind.Absolute, out var absolute) && (absolute.Scheme == Uri.UriSchemeHttp || absolute.Scheme == Uri.UriSchemeHttps))
            link = absolute.PathAndQuery;
        if (link.StartsWith('/'))
        {
            // A gateway behind a path-stripping proxy links from its own root: keep the client's path prefix.
            var prefix = _root.AbsolutePath;
            return link.StartsWith(prefix, StringComparison.Ordinal) ? new Uri(_root, link) : new Uri(_root, link.TrimStart('/'));
        }
        return new Uri(_root, link);
    }

    private async Task<HttpResponseMessage> SendCheckedAsync(HttpMethod method, Uri uri, HttpContent? content, string? ifMatch,
        CancellationToken cancellationToken, Action<HttpRequestMessage>? prepare = null,
        HttpCompletionOption completion = HttpCompletionOption.ResponseContentRead)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var request = new HttpRequestMessage(method, uri) { Content = content };
        request.Headers.Authorization = _authorization;
        request.Headers.TryAddWithoutValidation("User-Agent", _userAgent);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(ProblemJson));
        if (ifMatch is not null)
            request.Headers.TryAddWithoutValidation("If-Match", Quote(ifMatch));
        prepare?.Invoke(request);

        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, completion, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (HttpRequestException e) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException($"{method} {uri.AbsolutePath} was cancelled.", e, cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or IOException or TimeoutException or OperationCanceledException)
        {
            throw new OrleansBatchRequestException(0, $"{method} {uri.AbsolutePath} did not reach the gateway at {_root}: {e.Message}", null, e);
        }

        if (response.IsSuccessStatusCode)
            return response;
        using (response)
            throw await ProblemDetailsReader.ReadAsync(response, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            return await response.Content.ReadFromJsonAsync<T>(ClientJson.Options, cancellationToken).ConfigureAwait(false)
                ?? throw new System.Text.Json.JsonException("The body was empty or null.");
        }
        catch (System.Text.Json.JsonException e)
        {
            throw new OrleansBatchRequestException((int)response.StatusCode,
                $"The gateway's answer to {response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.AbsolutePath} is not the expected {typeof(T).Name}: {e.Message}",
                "UnexpectedResponse", e);
        }
    }

    // ETags are quoted strings; accept one given bare so that "3" and "\"3\"" both work.
    private static string Quote(string etag)
        => etag == "*" || etag.StartsWith('"') || etag.StartsWith("W/\"", StringComparison.Ordinal) ? etag : $"\"{etag}\"";
}
