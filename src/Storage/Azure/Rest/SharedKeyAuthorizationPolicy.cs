using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Azure.Core;
using Azure.Core.Pipeline;

namespace OrleansBatch.Storage.Azure.Rest;

/// <summary>
/// Signs every attempt (it sits after the retry policy, so each retry gets a fresh date) with the
/// Shared Key scheme of the Blob and Queue services: HMAC-SHA256 over the verb, the standard headers,
/// the canonicalized <c>x-ms-</c> headers and the canonicalized resource.
/// </summary>
internal sealed class SharedKeyAuthorizationPolicy(SharedKeyCredential credential) : HttpPipelineSynchronousPolicy
{
    public override void OnSendingRequest(HttpMessage message)
    {
        var request = message.Request;
        request.Headers.SetValue("x-ms-date", DateTimeOffset.UtcNow.ToString("r", CultureInfo.InvariantCulture));
        var signature = Convert.ToBase64String(HMACSHA256.HashData(credential.Key, Encoding.UTF8.GetBytes(StringToSign(request))));
        request.Headers.SetValue("Authorization", $"SharedKey {credential.AccountName}:{signature}");
    }

    internal string StringToSign(Request request)
    {
        // Since version 2015-02-21 a zero Content-Length is signed as the empty string.
        var length = request.Content is not null && request.Content.TryComputeLength(out var n) && n > 0 ? n.ToString(CultureInfo.InvariantCulture) : "";
        var text = new StringBuilder()
            .Append(request.Method.Method).Append('\n')
            .Append(Header(request, "Content-Encoding")).Append('\n')
            .Append(Header(request, "Content-Language")).Append('\n')
            .Append(length).Append('\n')
            .Append(Header(request, "Content-MD5")).Append('\n')
            .Append(Header(request, "Content-Type")).Append('\n')
            .Append('\n') // Date: x-ms-date is used instead.
            .Append(Header(request, "If-Modified-Since")).Append('\n')
            .Append(Header(request, "If-Match")).Append('\n')
            .Append(Header(request, "If-None-Match")).Append('\n')
            .Append(Header(request, "If-Unmodified-Since")).Append('\n')
            .Append(Header(request, "Range")).Append('\n');

        foreach (var header in request.Headers
                     .Where(h => h.Name.StartsWith("x-ms-", StringComparison.OrdinalIgnoreCase))
                     .Select(h => (Name: h.Name.ToLowerInvariant(), Value: h.Value.Trim()))
                     .OrderBy(h => h.Name, StringComparer.Ordinal))
            text.Append(header.Name).Append(':').Append(header.Value).Append('\n');

        var uri = request.Uri.ToUri();
        text.Append('/').Append(credential.AccountName).Append(uri.AbsolutePath);
        foreach (var (name, values) in QueryParameters(uri.Query))
            text.Append('\n').Append(name).Append(':').Append(string.Join(',', values));
        return text.ToString();
    }

    private static string Header(Request request, string name) => request.Headers.TryGetValue(name, out var value) ? value : "";

    private static IEnumerable<(string Name, IEnumerable<string> Values)> QueryParameters(string query) =>
        query.TrimStart('?')
            .Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair =>
            {
                var equals = pair.IndexOf('=');
                var name = Uri.UnescapeDataString(equals < 0 ? pair : pair[..equals]).ToLowerInvariant();
                var value = equals < 0 ? "" : Uri.UnescapeDataString(pair[(equals + 1)..]);
                return (name, value);
            })
            .GroupBy(p => p.name, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, (IEnumerable<string>)g.Select(p => p.value).Order(StringComparer.Ordinal)));
}
