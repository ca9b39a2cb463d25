using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using OrleansBatch.Api.Contracts;
using OrleansBatch.Api.Hosting;
using OrleansBatch.Grains;
using OrleansBatch.Grains.Domain;
using OrleansBatch.Abstractions;

namespace OrleansBatch.Api.Http;

/// <summary>
/// Reads a request body as a JSON object: JSON, or YAML when the content type says so
/// (<c>application/yaml</c>, <c>text/yaml</c>, ...), within the JSON size limit. Binding errors name the
/// offending field and the type it should have.
/// </summary>
internal static class RequestBody
{
    /// <summary>A key given twice is refused rather than one value silently winning.</summary>
    private static readonly JsonDocumentOptions StrictJson = new() { AllowDuplicateProperties = false };

    public static async Task<JsonObject> ReadObjectAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var limit = request.HttpContext.RequestServices.GetRequiredService<IOptions<GatewayOptions>>().Value.MaxJsonBodyBytes;
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
            feature.MaxRequestBodySize = limit;
        if (request.ContentLength > limit)
            throw LengthLimitedStream.TooLarge(limit);

        using var buffer = new MemoryStream();
        await new LengthLimitedStream(request.Body, limit).CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        if (buffer.Length == 0)
            throw DomainException.Invalid(ProblemCodes.BodyRequired, "A request body is required (JSON, or YAML with Content-Type application/yaml).");

        JsonNode? node;
        if (IsYaml(request.ContentType))
        {
            node = YamlToJson.Convert(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
        }
        else
        {
            try
            {
                node = JsonNode.Parse(buffer.GetBuffer().AsMemory(0, (int)buffer.Length).Span, documentOptions: StrictJson);
            }
            catch (JsonException e) when (e.Message.Contains("Duplicate", StringComparison.OrdinalIgnoreCase))
            {
                var field = FieldOf(e.Path);
                throw new DomainException(400, ProblemCodes.DuplicateKey,
                    $"The request body repeats the key {(field.Length == 0 ? "of an object" : $"'{field}'")}; give each key once.",
                    new Dictionary<string, string[]> { [field.Length == 0 ? "body" : field] = ["is given more than once."] });
            }
            catch (JsonException e)
            {
                throw DomainException.Invalid(ProblemCodes.InvalidJson,
                    $"The request body is not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}); send a JSON object, or YAML with Content-Type application/yaml.");
            }
        }
        return node as JsonObject
            ?? throw DomainException.Invalid(ProblemCodes.ValidationFailed, "The request body must be an object such as {\"name\": \"...\"}.");
    }

    /// <summary>
    /// Binds a JSON object to <typeparamref name="T"/>; a key <typeparamref name="T"/> does not know, or a value of the wrong
    /// type, is 400 <c>ValidationFailed</c> naming the field (after <paramref name="prefix"/>, e.g. <c>metadata</c>).
    /// </summary>
    public static T Bind<T>(JsonObject body, string prefix = "") where T : class
    {
        StrictBody.Check(body, BodyShape.Of(typeof(T)), prefix);
        try
        {
            return body.Deserialize<T>(ApiJson.Options) ?? throw DomainException.Invalid(ProblemCodes.BodyRequired, "A request body is required.");
        }
        catch (JsonException e)
        {
            var field = FieldOf(e.Path);
            var message = $"has the wrong type; expected {Describe(typeof(T), field)}.";
            var named = field.Length == 0 ? (prefix.Length == 0 ? "body" : prefix) : prefix.Length == 0 ? field : $"{prefix}.{field}";
            throw DomainException.Validation(named, message);
        }
    }

    public static async Task<T> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken) where T : class =>
        Bind<T>(await ReadObjectAsync(request, cancellationToken).ConfigureAwait(false));

    private static bool IsYaml(string? contentType) =>
        contentType is not null && (contentType.Contains("yaml", StringComparison.OrdinalIgnoreCase) || contentType.Contains("yml", StringComparison.OrdinalIgnoreCase));

    private static string FieldOf(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "$")
            return "";
        var field = path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
        return field.Replace("['", ".", StringComparison.Ordinal).Replace("']", "", StringComparison.Ordinal).TrimStart('.');
    }

    /// <summary>Walks the field path over the contract's JSON metadata to say what the field should be.</summary>
    private static string Describe(Type root, string field)
    {
        var type = root;
        foreach (var segment in field.Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            var name = segment;
            var indexed = segment.IndexOf('[');
            if (indexed >= 0)
                name = segment[..indexed];
            var info = ApiJson.Options.GetTypeInfo(type);
            var property = info.Kind == JsonTypeInfoKind.Object
                ? info.Properties.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))
                : null;
            if (property is null)
                return info.Kind == JsonTypeInfoKind.Dictionary ? Describe(info.ElementType!) : "a different type";
            type = property.PropertyType;
            if (indexed >= 0 && ApiJson.Options.GetTypeInfo(type).ElementType is { } element)
                type = element;
        }
        return Describe(type);
    }

    private static string Describe(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string)) return "a string";
        if (type == typeof(int) || type == typeof(long)) return "an integer";
        if (type == typeof(bool)) return "true or false";
        if (type == typeof(JsonElement)) return "a valid value";
        var info = ApiJson.Options.GetTypeInfo(type);
        return info.Kind switch
        {
            JsonTypeInfoKind.Dictionary => $"an object whose values are {Describe(info.ElementType!)}s".Replace("a string" + "s", "strings", StringComparison.Ordinal),
            JsonTypeInfoKind.Enumerable => "a list",
            JsonTypeInfoKind.Object => "an object",
            _ => "a different type",
        };
    }
}
