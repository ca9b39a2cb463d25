using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using OrleansBatch.Client.Pipeline;

namespace OrleansBatch.Client.Yaml;

/// <summary>
/// Names the first key of a JSON tree that the client's model type does not have, with the closest known key. The
/// known keys come from the models themselves (their snake_case JSON names), so the check follows the models. Scalars
/// in string maps (tags, environment variables) are made strings on the way, as Azure ML reads them.
/// </summary>
internal static class ModelKeyCheck
{
    public static void Check(JsonNode? node, Type type, string source, string prefix = "")
    {
        var info = ClientJson.Options.GetTypeInfo(Nullable.GetUnderlyingType(type) ?? type);
        switch (info.Kind)
        {
            case JsonTypeInfoKind.Object when node is JsonObject obj:
                foreach (var (key, value) in obj)
                {
                    var property = info.Properties.FirstOrDefault(p => string.Equals(p.Name, key, StringComparison.OrdinalIgnoreCase));
                    if (property is null)
                        throw new AzureMLYamlException(source, prefix + key, $"is not a key this platform knows{DidYouMean(key, info.Properties.Select(p => p.Name))}. Remove it or fix its spelling.");
                    if (property.PropertyType == typeof(string) && IsPlainScalar(value))
                        obj[key] = value!.ToJsonString(); // 'description: 2024' is text to Azure ML too
                    else
                        Check(value, property.PropertyType, source, $"{prefix}{key}.");
                }
                break;
            case JsonTypeInfoKind.Dictionary when node is JsonObject map && info.ElementType == typeof(string):
                // YAML 'version: 2' in tags or environment variables is a number; Azure ML takes map values as strings.
                foreach (var key in map.Select(p => p.Key).ToList())
                {
                    if (IsPlainScalar(map[key]))
                        map[key] = map[key]!.ToJsonString();
                }
                break;
            case JsonTypeInfoKind.Enumerable when node is JsonArray array && info.ElementType is { } element:
                for (var i = 0; i < array.Count; i++)
                    Check(array[i], element, source, $"{prefix.TrimEnd('.')}[{i}].");
                break;
        }
    }

    private static bool IsPlainScalar(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() is JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False;

    private static string DidYouMean(string key, IEnumerable<string> known)
    {
        var best = known.Select(k => (Key: k, Distance: Distance(key.ToLowerInvariant(), k))).OrderBy(k => k.Distance).FirstOrDefault();
        return best.Key is not null && best.Distance <= Math.Max(2, key.Length / 3) ? $" (did you mean '{best.Key}'?)" : $" (known here: {string.Join(", ", known)})";
    }

    /// <summary>Levenshtein distance.</summary>
    private static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
                current[j] = Math.Min(Math.Min(current[j - 1], previous[j]) + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            previous = current;
        }
        return previous[b.Length];
    }

    /// <summary>Binds a checked tree to <typeparamref name="T"/>; a value of the wrong type names its key.</summary>
    public static T Bind<T>(JsonNode node, string source)
    {
        try
        {
            return node.Deserialize<T>(ClientJson.Options) ?? throw new AzureMLYamlException(source, null, "is empty.");
        }
        catch (JsonException e)
        {
            var key = e.Path is { Length: > 2 } path ? path[2..] : null;
            throw new AzureMLYamlException(source, key, $"has a value of the wrong type: {e.Message.Split(" Path:")[0]}");
        }
    }
}
