using System.Globalization;
using System.Text.Json.Nodes;

namespace OrleansBatch.Cli.Output;

/// <summary>
/// The part of JMESPath that <c>az --query</c> users write: dotted fields (<c>defaults.deployment_name</c>), quoted
/// fields (<c>"$schema"</c>), an index (<c>[0]</c>, <c>[-1]</c>), a projection (<c>[].name</c>, <c>value[].status</c>),
/// a multiselect hash (<c>{Name:name, Defaults:defaults}</c>) and a multiselect list (<c>[name, status]</c>).
/// A missing field is null, as in JMESPath.
/// </summary>
internal sealed class JsonQuery
{
    private readonly List<Step> _steps;

    private JsonQuery(List<Step> steps) => _steps = steps;

    public static JsonQuery Parse(string expression)
    {
        var parser = new Parser(expression);
        var steps = parser.Expression();
        if (!parser.AtEnd)
            throw parser.Error("unexpected text");
        return new JsonQuery(steps);
    }

    public JsonNode? Evaluate(JsonNode? input) => Run(_steps, 0, input);

    private static JsonNode? Run(List<Step> steps, int from, JsonNode? current)
    {
        for (var i = from; i < steps.Count; i++)
        {
            switch (steps[i])
            {
                case Field field:
                    current = current is JsonObject obj && obj.TryGetPropertyValue(field.Name, out var value) ? value?.DeepClone() : null;
                    break;
                case Index index:
                    current = current is JsonArray array && (index.At < 0 ? array.Count + index.At : index.At) is var at && at >= 0 && at < array.Count
                        ? array[at]?.DeepClone() : null;
                    break;
                case Projection:
                    if (current is not JsonArray items)
                        return null;
                    var projected = new JsonArray();
                    foreach (var item in items)
                    {
                        if (Run(steps, i + 1, item?.DeepClone()) is { } result)
                            projected.Add(result);
                    }
                    return projected;
                case Hash hash:
                    if (current is null)
                        return null;
                    var selected = new JsonObject();
                    foreach (var (key, expression) in hash.Entries)
                        selected[key] = Run(expression, 0, current);
                    current = selected;
                    break;
                case List list:
                    if (current is null)
                        return null;
                    var values = new JsonArray();
                    foreach (var expression in list.Items)
                        values.Add(Run(expression, 0, current));
                    current = values;
                    break;
            }
        }
        return current;
    }

    private abstract record Step;

    private sealed record Field(string Name) : Step;

    private sealed record Index(int At) : Step;

    private sealed record Projection : Step;

    private sealed record Hash(List<(string Key, List<Step> Expression)> Entries) : Step;

    private sealed record List(List<List<Step>> Items) : Step;

    private sealed class Parser(string text)
    {
        private int _at;

        public bool AtEnd
        {
            get
            {
                SkipSpaces();
                return _at >= text.Length;
            }
        }

        public List<Step> Expression()
        {
            var steps = new List<Step>();
            SkipSpaces();
            if (Peek() == '[' || Peek() == '{')
                steps.Add(Bracket());
            else
                steps.Add(new Field(Identifier()));
            while (true)
            {
                SkipSpaces();
                if (Peek() == '.')
                {
                    _at++;
                    SkipSpaces();
                    steps.Add(Peek() == '{' || Peek() == '[' ? Bracket() : new Field(Identifier()));
                }
                else if (Peek() == '[')
                {
                    steps.Add(Bracket());
                }
                else
                {
                    return steps;
                }
            }
        }

        public FormatException Error(string what) =>
            new($"--query '{text}': {what} at character {_at + 1}. Supported: a.b, [0], [].name, {{Name:name}}, [a, b].");

        private Step Bracket()
        {
            if (Peek() == '{')
            {
                _at++;
                var entries = new List<(string, List<Step>)>();
                do
                {
                    SkipSpaces();
                    var key = Identifier();
                    SkipSpaces();
                    Expect(':');
                    entries.Add((key, Expression()));
                    SkipSpaces();
                } while (TryTake(','));
                Expect('}');
                return new Hash(entries);
            }
            Expect('[');
            SkipSpaces();
            if (TryTake(']'))
                return new Projection();
            if (Peek() == '-' || char.IsAsciiDigit(Peek()))
            {
                var start = _at;
                _at++;
                while (char.IsAsciiDigit(Peek()))
                    _at++;
                var index = int.Parse(text.AsSpan(start, _at - start), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
                SkipSpaces();
                Expect(']');
                return new Index(index);
            }
            var items = new List<List<Step>>();
            do
                items.Add(Expression());
            while (TryTake(','));
            SkipSpaces();
            Expect(']');
            return new List(items);
        }

        private string Identifier()
        {
            SkipSpaces();
            if (TryTake('"'))
            {
                var end = text.IndexOf('"', _at);
                if (end < 0)
                    throw Error("an unclosed quote");
                var quoted = text[_at..end];
                _at = end + 1;
                return quoted;
            }
            var start = _at;
            while (_at < text.Length && (char.IsAsciiLetterOrDigit(text[_at]) || text[_at] is '_' or '$' or '-'))
                _at++;
            return _at > start ? text[start.._at] : throw Error("a field name is expected");
        }

        private char Peek() => _at < text.Length ? text[_at] : '\0';

        private bool TryTake(char c)
        {
            SkipSpaces();
            if (Peek() != c)
                return false;
            _at++;
            return true;
        }

        private void Expect(char c)
        {
            if (!TryTake(c))
                throw Error($"'{c}' is expected");
        }

        private void SkipSpaces()
        {
            while (_at < text.Length && char.IsWhiteSpace(text[_at]))
                _at++;
        }
    }
}
