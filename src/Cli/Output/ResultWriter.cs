using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using OrleansBatch.Cli.Hosting;
using OrleansBatch.Client.Pipeline;
using Spectre.Console;

namespace OrleansBatch.Cli.Output;

/// <summary>Writes a command's result to stdout: through <c>--query</c> first, then as JSON, a table or tab-separated values.</summary>
internal sealed class ResultWriter(CliContext context, JsonQuery? query, OutputFormat format)
{
    private static readonly JsonSerializerOptions Indented = new(ClientJson.Options) { WriteIndented = true };

    public static OutputFormat ParseFormat(string? text) => text?.ToLowerInvariant() switch
    {
        null or "json" or "jsonc" => OutputFormat.Json,
        "table" => OutputFormat.Table,
        "tsv" => OutputFormat.Tsv,
        "none" => OutputFormat.None,
        _ => throw new UsageException($"-o {text} is not an output format; use json, table, tsv or none."),
    };

    /// <summary>Writes a result: a client model (written in the gateway's snake_case JSON) or a list of them.</summary>
    public void Write<T>(T value)
    {
        var node = query is null ? ToNode(value) : query.Evaluate(ToNode(value));
        switch (format)
        {
            case OutputFormat.Json:
                context.Output.WriteLine(node is null ? "null" : node.ToJsonString(Indented));
                break;
            case OutputFormat.Tsv:
                foreach (var line in TsvLines(node))
                    context.Output.WriteLine(line);
                break;
            case OutputFormat.Table:
                WriteTable(node);
                break;
        }
    }

    public static JsonNode? ToNode<T>(T value) => value as JsonNode ?? JsonSerializer.SerializeToNode(value, ClientJson.Options);

    /// <summary>As <c>az -o tsv</c>: a scalar as it is, an object's values tab-separated, a list one line per element.</summary>
    private static IEnumerable<string> TsvLines(JsonNode? node) => node switch
    {
        JsonArray array => array.Select(item => item is JsonObject o ? string.Join('\t', o.Select(p => Scalar(p.Value))) : Scalar(item)),
        JsonObject obj => [string.Join('\t', obj.Select(p => Scalar(p.Value)))],
        _ => [Scalar(node)],
    };

    private static string Scalar(JsonNode? node) => node switch
    {
        null => "",
        JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
        JsonValue value when value.GetValueKind() == JsonValueKind.True => "True",
        JsonValue value when value.GetValueKind() == JsonValueKind.False => "False",
        JsonValue value => value.ToJsonString(),
        _ => node.ToJsonString(),
    };

    /// <summary>As <c>az -o table</c>: one row per object (one for a single object), columns for their scalar fields.</summary>
    private void WriteTable(JsonNode? node)
    {
        var rows = node switch
        {
            JsonArray array => array.ToList(),
            null => [],
            _ => [node],
        };
        var table = new Table().Border(TableBorder.Simple);
        if (rows.All(r => r is JsonObject))
        {
            var columns = rows.Cast<JsonObject>().SelectMany(o => o.Where(p => p.Value is not (JsonObject or JsonArray)).Select(p => p.Key)).Distinct().ToList();
            foreach (var column in columns)
                table.AddColumn(new TableColumn(Markup.Escape(Title(column))));
            foreach (var row in rows.Cast<JsonObject>())
                table.AddRow(columns.Select(c => Markup.Escape(Scalar(row[c]))).ToArray());
        }
        else
        {
            table.AddColumn("Result");
            foreach (var row in rows)
                table.AddRow(Markup.Escape(Scalar(row)));
        }
        if (table.Columns.Count > 0)
            context.OutputConsole().Write(table);
    }

    private static string Title(string key) =>
        string.Concat(key.Split('_', StringSplitOptions.RemoveEmptyEntries).Select(w => char.ToUpper(w[0], CultureInfo.InvariantCulture) + w[1..]));
}
