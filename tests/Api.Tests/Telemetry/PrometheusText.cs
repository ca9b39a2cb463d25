using System.Globalization;
using System.Text.RegularExpressions;

namespace OrleansBatch.Api.Tests.Telemetry;

/// <summary>
/// A strict reader of the Prometheus text exposition format (version 0.0.4): every line must be a comment
/// (<c># HELP</c>, <c># TYPE</c>, other comments), blank, or a sample <c>name{label="value",...} number [timestamp]</c>
/// whose family was typed before it; anything else fails the parse with the offending line.
/// </summary>
public sealed partial class PrometheusText
{
    private static readonly HashSet<string> Types = ["counter", "gauge", "histogram", "summary", "untyped"];

    /// <summary>Metric families by name, with their declared type.</summary>
    public Dictionary<string, string> Families { get; } = new(StringComparer.Ordinal);

    /// <summary>Every sample, in order.</summary>
    public List<Sample> Samples { get; } = [];

    public static PrometheusText Parse(string text)
    {
        var parsed = new PrometheusText();
        foreach (var line in text.Split('\n'))
        {
            if (line.Length == 0)
                continue;
            if (line.StartsWith("# TYPE ", StringComparison.Ordinal))
            {
                var parts = line.Split(' ');
                if (parts.Length != 4 || !NameRegex().IsMatch(parts[2]) || !Types.Contains(parts[3]))
                    throw new FormatException($"Bad TYPE line: '{line}'");
                if (!parsed.Families.TryAdd(parts[2], parts[3]))
                    throw new FormatException($"Family typed twice: '{line}'");
                continue;
            }
            if (line.StartsWith('#'))
                continue;
            var match = SampleRegex().Match(line);
            if (!match.Success)
                throw new FormatException($"Not a sample line: '{line}'");
            var name = match.Groups["name"].Value;
            var labels = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (Match label in LabelRegex().Matches(match.Groups["labels"].Value))
                labels.Add(label.Groups["key"].Value, label.Groups["value"].Value.Replace("\\\"", "\"", StringComparison.Ordinal).Replace("\\\\", "\\", StringComparison.Ordinal));
            var value = match.Groups["value"].Value switch
            {
                "+Inf" => double.PositiveInfinity,
                "-Inf" => double.NegativeInfinity,
                "NaN" => double.NaN,
                var number => double.Parse(number, NumberStyles.Float, CultureInfo.InvariantCulture),
            };
            if (parsed.FamilyOf(name) is null)
                throw new FormatException($"Sample of an untyped family: '{line}'");
            parsed.Samples.Add(new Sample(name, labels, value));
        }
        return parsed;
    }

    /// <summary>The family a sample name belongs to (histogram samples end in _bucket, _sum, _count).</summary>
    public string? FamilyOf(string sample)
    {
        if (Families.ContainsKey(sample))
            return sample;
        foreach (var suffix in new[] { "_bucket", "_sum", "_count" })
            if (sample.EndsWith(suffix, StringComparison.Ordinal) && Families.TryGetValue(sample[..^suffix.Length], out var type) && type is "histogram" or "summary")
                return sample[..^suffix.Length];
        return null;
    }

    /// <summary>The sum of the samples named <paramref name="name"/> whose labels include every one of <paramref name="labels"/>.</summary>
    public double Sum(string name, params (string Key, string Value)[] labels) =>
        Samples.Where(s => s.Name == name && labels.All(l => s.Labels.TryGetValue(l.Key, out var v) && v == l.Value)).Sum(s => s.Value);

    public sealed record Sample(string Name, IReadOnlyDictionary<string, string> Labels, double Value);

    [GeneratedRegex("^[a-zA-Z_:][a-zA-Z0-9_:]*$")]
    private static partial Regex NameRegex();

    [GeneratedRegex("""^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>([a-zA-Z_][a-zA-Z0-9_]*="([^"\\]|\\.)*",?)*)\})? (?<value>[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?|[-+]Inf|NaN)( -?\d+)?$""")]
    private static partial Regex SampleRegex();

    [GeneratedRegex(@"(?<key>[a-zA-Z_][a-zA-Z0-9_]*)=""(?<value>([^""\\]|\\.)*)""")]
    private static partial Regex LabelRegex();
}
