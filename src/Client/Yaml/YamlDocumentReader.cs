using System.Globalization;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace OrleansBatch.Client.Yaml;

/// <summary>
/// Reads one YAML document into JSON nodes with YAML 1.2 core-schema typing: plain (unquoted) numbers, booleans and
/// nulls become JSON ones; quoted scalars stay strings. Files here are the user's own, but nesting is still bounded.
/// </summary>
internal static class YamlDocumentReader
{
    private const int MaxDepth = 64;

    public static JsonObject ReadObject(string yaml, string source)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            throw new AzureMLYamlException(source, null, $"is not valid YAML (line {e.Start.Line}, column {e.Start.Column}): {e.InnerException?.Message ?? e.Message}");
        }
        if (stream.Documents.Count == 0)
            throw new AzureMLYamlException(source, null, "is empty.");
        return Convert(stream.Documents[0].RootNode, source, 0) as JsonObject
            ?? throw new AzureMLYamlException(source, null, "must hold a mapping of keys such as 'name: my-endpoint'.");
    }

    /// <summary>A scalar given on the command line (<c>--set key=value</c>), typed as YAML would type it.</summary>
    public static JsonNode? Scalar(string text) => Plain(text);

    private static JsonNode? Convert(YamlNode node, string source, int depth)
    {
        if (depth > MaxDepth)
            throw new AzureMLYamlException(source, null, $"nests deeper than {MaxDepth} levels.");
        switch (node)
        {
            case YamlMappingNode mapping:
                var obj = new JsonObject();
                foreach (var (key, value) in mapping.Children)
                {
                    var name = (key as YamlScalarNode)?.Value ?? throw new AzureMLYamlException(source, null, $"has a key that is not a plain name (line {key.Start.Line}).");
                    if (obj.ContainsKey(name))
                        throw new AzureMLYamlException(source, name, $"appears twice (line {key.Start.Line}).");
                    obj[name] = Convert(value, source, depth + 1);
                }
                return obj;
            case YamlSequenceNode sequence:
                var array = new JsonArray();
                foreach (var item in sequence.Children)
                    array.Add(Convert(item, source, depth + 1));
                return array;
            case YamlScalarNode scalar when scalar.Style is ScalarStyle.Plain:
                return Plain(scalar.Value ?? "");
            case YamlScalarNode scalar:
                return JsonValue.Create(scalar.Value ?? "");
            default:
                throw new AzureMLYamlException(source, null, $"has a node YAML cannot type (line {node.Start.Line}).");
        }
    }

    private static JsonNode? Plain(string text)
    {
        switch (text)
        {
            case "" or "~" or "null" or "Null" or "NULL":
                return null;
            case "true" or "True" or "TRUE":
                return JsonValue.Create(true);
            case "false" or "False" or "FALSE":
                return JsonValue.Create(false);
        }
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
            return JsonValue.Create(integer);
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var real) && double.IsFinite(real) && char.IsAsciiDigit(text[^1]))
            return JsonValue.Create(real);
        return JsonValue.Create(text);
    }
}
