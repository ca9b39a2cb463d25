using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using OrleansBatch.Grains;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace OrleansBatch.Api.Http;

/// <summary>
/// Turns a YAML document (Azure ML's <c>endpoint.yml</c>, <c>deployment.yml</c>) into JSON with YAML 1.2
/// core-schema typing: unquoted numbers, booleans and nulls become JSON ones, quoted scalars stay strings.
/// </summary>
internal static partial class YamlToJson
{
    // Aliases can expand a small document enormously ("billion laughs"); a request document never needs this many nodes.
    private const int MaxNodes = 100_000;

    [GeneratedRegex(@"^[-+]?[0-9]+$")]
    private static partial Regex Integer();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex Float();

    public static JsonNode? Convert(string yaml)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            throw DomainException.Invalid(ProblemCodes.InvalidYaml, $"The request body is not valid YAML (line {e.Start.Line}, column {e.Start.Column}): {e.Message}");
        }
        if (stream.Documents.Count == 0)
            return null;
        var nodes = 0;
        return ToJson(stream.Documents[0].RootNode, ref nodes);
    }

    private static JsonNode? ToJson(YamlNode node, ref int nodes)
    {
        if (++nodes > MaxNodes)
            throw DomainException.Invalid(ProblemCodes.InvalidYaml, $"The YAML document expands to more than {MaxNodes} nodes (aliases?); send a plain document.");
        switch (node)
        {
            case YamlMappingNode mapping:
                var obj = new JsonObject();
                foreach (var (key, value) in mapping.Children)
                    obj[key is YamlScalarNode s ? s.Value ?? "" : key.ToString()] = ToJson(value, ref nodes);
                return obj;
            case YamlSequenceNode sequence:
                var array = new JsonArray();
                foreach (var item in sequence.Children)
                    array.Add(ToJson(item, ref nodes));
                return array;
            case YamlScalarNode scalar:
                return Scalar(scalar);
            default:
                return null;
        }
    }

    private static JsonNode? Scalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? "";
        if (scalar.Style is not (ScalarStyle.Plain or ScalarStyle.Any))
            return JsonValue.Create(text);
        if (text is "" or "~" or "null" or "Null" or "NULL")
            return null;
        if (text is "true" or "True" or "TRUE")
            return JsonValue.Create(true);
        if (text is "false" or "False" or "FALSE")
            return JsonValue.Create(false);
        if (Integer().IsMatch(text) && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
            return JsonValue.Create(integer);
        if (Float().IsMatch(text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            return JsonValue.Create(number);
        return JsonValue.Create(text);
    }
}
