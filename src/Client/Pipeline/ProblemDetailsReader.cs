using System.Text.Json;

namespace OrleansBatch.Client.Pipeline;

/// <summary>Turns a failed response into an <see cref="OrleansBatchRequestException"/> from its RFC 9457 problem details.</summary>
internal static class ProblemDetailsReader
{
    private const int MaxTextDetail = 500;

    public static async Task<OrleansBatchRequestException> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        string? title = null, detail = null, code = null, traceId = null;
        var errors = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);

        var mediaType = response.Content.Headers.ContentType?.MediaType;
        if (mediaType is not null && mediaType.Contains("json", StringComparison.OrdinalIgnoreCase) && TryParse(body) is { } document)
        {
            using (document)
            {
                var root = document.RootElement;
                if (root.ValueKind == JsonValueKind.Object)
                {
                    title = Text(root, "title");
                    detail = Text(root, "detail");
                    code = Text(root, "code") ?? Text(root, "error_code");
                    traceId = Text(root, "traceId") ?? Text(root, "trace_id");
                    if (root.TryGetProperty("errors", out var fields) && fields.ValueKind == JsonValueKind.Object)
                        foreach (var field in fields.EnumerateObject())
                            errors[field.Name] = Messages(field.Value);
                }
            }
        }
        else if (!string.IsNullOrWhiteSpace(body))
        {
            // Not problem details (a proxy's page, say): keep the start of it so the caller sees something useful.
            detail = body.Length > MaxTextDetail ? body[..MaxTextDetail] + "..." : body.Trim();
        }

        var message = OrleansBatchRequestException.ComposeMessage(status, response.ReasonPhrase, title, detail, code, errors);
        return new OrleansBatchRequestException(status, message, code, innerException: null)
        {
            Title = title,
            Detail = detail,
            Errors = errors,
            TraceId = traceId,
        };
    }

    private static JsonDocument? TryParse(string body)
    {
        try
        {
            return string.IsNullOrWhiteSpace(body) ? null : JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Text(JsonElement element, string name)
        => element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static IReadOnlyList<string> Messages(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Array => value.EnumerateArray().Select(m => m.ValueKind == JsonValueKind.String ? m.GetString()! : m.GetRawText()).ToArray(),
        JsonValueKind.String => [value.GetString()!],
        _ => [value.GetRawText()],
    };
}
