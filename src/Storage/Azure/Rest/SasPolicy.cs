using Azure.Core;
using Azure.Core.Pipeline;

namespace OrleansBatch.Storage.Azure.Rest;

/// <summary>Appends a SAS token to the address of every request (once per call, before retries).</summary>
internal sealed class SasPolicy(SasCredential credential) : HttpPipelineSynchronousPolicy
{
    public override void OnSendingRequest(HttpMessage message)
    {
        var uri = message.Request.Uri;
        var query = uri.Query;
        // Already signed (a retry through a per-call position, or a caller-built URL): leave it.
        if (query.Contains("sig=", StringComparison.Ordinal))
            return;
        uri.Query = query.Length > 1 ? $"{query}&{credential.Token}" : $"?{credential.Token}";
    }
}
