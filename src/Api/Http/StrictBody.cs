using System.Text.Json.Nodes;
using OrleansBatch.Abstractions;

namespace OrleansBatch.Api.Http;

/// <summary>
/// Refuses keys a body's contract does not know, anywhere in the body: 400 <c>ValidationFailed</c> naming each
/// field path, with a "did you mean" when a known key at that place is close. A typo such as
/// <c>mini_bach_size</c> would otherwise be ignored silently and the default used.
/// </summary>
internal static class StrictBody
{
    /// <summary>Throws when <paramref name="body"/> holds a key <paramref name="shape"/> does not list; <paramref name="prefix"/> starts every field path.</summary>
    public static void Check(JsonNode? body, BodyShape? shape, string prefix = "")
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        Walk(body, shape, prefix, errors);
        if (errors.Count > 0)
            throw DomainException.Validation(errors);
    }

    private static void Walk(JsonNode? node, BodyShape? shape, string path, Dictionary<string, string[]> errors)
    {
        if (shape is null)
            return;
        if (node is JsonArray array)
        {
            for (var i = 0; i < array.Count; i++)
                Walk(array[i], shape, $"{path}[{i}]", errors);
            return;
        }
        if (node is not JsonObject obj)
            return; // a wrong type is the binder's error, with the type expected
        foreach (var (key, value) in obj)
        {
            var field = path.Length == 0 ? key : $"{path}.{key}";
            if (shape.Keys is null)
            {
                Walk(value, shape.Values, field, errors);
            }
            else if (shape.Keys.TryGetValue(key, out var inner))
            {
                Walk(value, inner, field, errors);
            }
            else
            {
                var suggestion = KeySuggestion.Closest(key, shape.Keys.Keys);
                errors[field] = [suggestion is null
                    ? $"is not a known field here; known fields: {string.Join(", ", shape.Keys.Keys.Order(StringComparer.Ordinal))}."
                    : $"is not a known field; did you mean '{suggestion}'?"];
            }
        }
    }
}
