using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace OrleansBatch.Storage.Azure.Rest;

/// <summary>
/// One Azure.Core <see cref="HttpPipeline"/> per service endpoint with this account's authorization:
/// builds requests (address, <c>x-ms-version</c>) and turns unexpected statuses into
/// <see cref="RequestFailedException"/> carrying the status and the <c>x-ms-error-code</c>.
/// </summary>
internal sealed class StoragePipeline
{
    private readonly HttpPipeline _pipeline;
    private readonly string _apiVersion;

    public StoragePipeline(Uri endpoint, StorageCredential credential, StorageClientOptions options)
    {
        Endpoint = new Uri(endpoint.ToString().TrimEnd('/'));
        _apiVersion = options.ApiVersion;
        var pipelineOptions = new HttpPipelineOptions(options) { RequestFailedDetailsParser = StorageErrorParser.Instance };
        if (credential is SasCredential sas)
            pipelineOptions.PerCallPolicies.Add(new SasPolicy(sas));
        if (credential is SharedKeyCredential key)
            pipelineOptions.PerRetryPolicies.Add(new SharedKeyAuthorizationPolicy(key));
        _pipeline = HttpPipelineBuilder.Build(pipelineOptions);
    }

    /// <summary>The service endpoint, e.g. <c>https://acct.blob.core.windows.net</c> or <c>http://127.0.0.1:10000/devstoreaccount1</c>.</summary>
    public Uri Endpoint { get; }

    /// <summary>A request to <paramref name="path"/> (already escaped, without a leading '/') below the endpoint.</summary>
    public HttpMessage Create(RequestMethod method, string path, params (string Name, string Value)[] query)
    {
        var message = _pipeline.CreateMessage();
        var request = message.Request;
        request.Method = method;
        request.Uri.Reset(Endpoint);
        if (path.Length > 0)
            request.Uri.AppendPath("/" + path, escape: false);
        foreach (var (name, value) in query)
            request.Uri.AppendQuery(name, value, escapeValue: true);
        request.Headers.SetValue("x-ms-version", _apiVersion);
        return message;
    }

    /// <summary>Sends; returns the response when its status is one of <paramref name="expected"/>, else throws.</summary>
    public async Task<Response> SendAsync(HttpMessage message, CancellationToken cancellationToken, params int[] expected)
    {
        await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        var response = message.Response;
        if (Array.IndexOf(expected, response.Status) < 0)
            throw new RequestFailedException(response, null, StorageErrorParser.Instance);
        return response;
    }
}
