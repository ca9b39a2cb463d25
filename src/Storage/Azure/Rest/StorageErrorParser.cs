using System.Diagnostics.CodeAnalysis;
using System.Xml.Linq;
using Azure;
using Azure.Core;

namespace OrleansBatch.Storage.Azure.Rest;

/// <summary>
/// Reads the service's XML error body (<c>&lt;Error&gt;&lt;Code/&gt;&lt;Message/&gt;&lt;/Error&gt;</c>) and the
/// <c>x-ms-error-code</c> header, so a <see cref="RequestFailedException"/> carries the error code.
/// </summary>
internal sealed class StorageErrorParser : RequestFailedDetailsParser
{
    public static StorageErrorParser Instance { get; } = new();

    public override bool TryParse(Response response, [NotNullWhen(true)] out ResponseError? error, out IDictionary<string, string>? data)
    {
        data = null;
        response.Headers.TryGetValue("x-ms-error-code", out var code);
        string? message = null;
        try
        {
            var body = response.Content.ToString();
            if (body.Length > 0)
            {
                var root = XDocument.Parse(body).Root;
                code ??= root?.Element("Code")?.Value;
                message = root?.Element("Message")?.Value;
                var detail = root?.Element("AuthenticationErrorDetail")?.Value;
                if (detail is not null)
                    data = new Dictionary<string, string> { ["AuthenticationErrorDetail"] = detail };
            }
        }
        catch (Exception e) when (e is System.Xml.XmlException or InvalidOperationException)
        {
            // Not XML (or no body on a HEAD): the header alone has to do.
        }
        error = new ResponseError(code, message ?? response.ReasonPhrase);
        return true;
    }
}
