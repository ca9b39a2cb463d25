using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using OrleansBatch.Grains;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using OrleansBatch.Abstractions;
using ScalarEvent = YamlDotNet.Core.Events.Scalar; // the Scalar.AspNetCore package brings a namespace named Scalar

namespace OrleansBatch.Api.Http;

/// <summary>
/// Turns a YAML document (Azure ML's <c>endpoint.yml</c>, <c>deployment.yml</c>) into JSON with YAML 1.2
/// core-schema typing: unquoted numbers, booleans and nulls become JSON ones, quoted scalars stay strings.
/// Built from the parser's event stream with an explicit stack and limits on depth and size, so that no
/// request (deep nesting, alias bombs) can exhaust the stack or memory.
/// </summary>
internal static partial class YamlToJson
{
    private const int MaxDepth = 64;
    private const int MaxNodes = 100_000;

    [GeneratedRegex(@"^[-+]?[0-9]+$")]
    private static partial Regex Integer();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex Float();

    private sealed class Frame(JsonNode node, string? anchor)
    {
        public JsonNode Node { get; } = node;
        public string? Anchor { get; } = anchor;
        public string? Key { get; set; }
        public int Size { get; set; } = 1;
    }

    public static JsonNode? Convert(string yaml)
    {
        try
        {
            return Build(new Parser(new StringReader(yaml)));
        }
        catch (YamlException e)
        {
            throw DomainException.Invalid(ProblemCodes.InvalidYaml, $"The request body is not valid YAML (line {e.Start.Line}, column {e.Start.Column}): {e.Message}");
        }
    }

    private static JsonNode? Build(IParser parser)
    {
        var anchors = new Dictionary<string, (JsonNode? Node, int Size)>(StringComparer.Ordinal);
        var stack = new Stack<Frame>();
        var nodes = 0;
        parser.Consume<StreamStart>();
        if (!parser.TryConsume<DocumentStart>(out _))
            return null;
        while (true)
        {
            var next = parser.Consume<ParsingEvent>();
            JsonNode? value;
            int size;
            switch (next)
            {
                case DocumentEnd:
                    throw Invalid("The YAML document is empty.");
                case MappingStart mapping:
                    Push(stack, new Frame(new JsonObject(), AnchorOf(mapping.Anchor)));
                    continue;
                case SequenceStart sequence:
                    Push(stack, new Frame(new JsonArray(), AnchorOf(sequence.Anchor)));
                    continue;
                case MappingEnd or SequenceEnd:
                    var done = stack.Pop();
                    (value, size) = (done.Node, done.Size);
                    if (done.Anchor is not null)
                        anchors[done.Anchor] = (value, size);
                    break;
                case ScalarEvent scalar when stack.TryPeek(out var owner) && owner.Node is JsonObject && owner.Key is null:
                    owner.Key = scalar.Value;
                    continue;
                case ScalarEvent scalar:
                    (value, size) = (Typed(scalar), 1);
                    if (AnchorOf(scalar.Anchor) is { } anchor)
                        anchors[anchor] = (value, size);
                    break;
                case AnchorAlias alias:
                    if (!anchors.TryGetValue(alias.Value.Value, out var target))
                        throw Invalid($"The alias *{alias.Value.Value} names no complete anchor.");
                    (value, size) = (target.Node?.DeepClone(), target.Size);
                    break;
                default:
                    continue;
            }

            nodes += size;
            if (nodes > MaxNodes)
                throw Invalid($"The YAML document has more than {MaxNodes} nodes (counting what aliases repeat); send a smaller document.");
            if (stack.Count == 0)
                return value;
            var top = stack.Peek();
            top.Size += size;
            if (top.Node is JsonArray array)
            {
                array.Add(value);
            }
            else if (top.Key is { } key)
            {
                var mapping = (JsonObject)top.Node;
                if (mapping.ContainsKey(key))
                    throw DomainException.Invalid(ProblemCodes.DuplicateKey, $"The YAML document repeats the key '{key}' in one mapping; give each key once.");
                mapping[key] = value;
                top.Key = null;
            }
            else
            {
                throw Invalid("Mapping keys must be plain strings.");
            }
        }
    }

    private static void Push(Stack<Frame> stack, Frame frame)
    {
        if (stack.TryPeek(out var owner) && owner.Node is JsonObject && owner.Key is null)
            throw Invalid("Mapping keys must be plain strings.");
        stack.Push(frame);
        if (stack.Count > MaxDepth)
            throw Invalid($"The YAML document nests deeper than {MaxDepth} levels.");
    }

    private static string? AnchorOf(YamlDotNet.Core.AnchorName anchor) => anchor.IsEmpty ? null : anchor.Value;

    private static DomainException Invalid(string message) => DomainException.Invalid(ProblemCodes.InvalidYaml, message);

    private static JsonNode? Typed(ScalarEvent scalar)
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
        {
            // 1e999 parses as infinity, which JSON cannot hold: refuse it here rather than fail when the body is bound.
            return double.IsFinite(number)
                ? JsonValue.Create(number)
                : throw DomainException.Invalid(ProblemCodes.ValidationFailed, $"The number {text} (line {scalar.Start.Line}) is out of range; use a number between -1.7e308 and 1.7e308.");
        }
        return JsonValue.Create(text);
    }
}
