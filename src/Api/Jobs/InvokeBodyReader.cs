using OrleansBatch.Silo.Jobs;
using System.Text.Json;
using System.Text.Json.Nodes;
using OrleansBatch.Api.Http;
using OrleansBatch.Grains;
using OrleansBatch.Grains.Domain.Jobs;
using OrleansBatch.Abstractions;

namespace OrleansBatch.Api.Jobs;

/// <summary>
/// Reads an invoke body: this API's (<c>deployment_name</c>, <c>input</c> or <c>inputs</c>, <c>output</c>,
/// <c>settings</c>, <c>output_policy</c>) or Azure ML's (<c>properties.InputData</c> /
/// <c>properties.OutputData</c>, PascalCase or camelCase). Keys match case-insensitively. Every problem is
/// a 400 naming the field, and so is a key neither body knows (<see cref="InvokeBodyShape"/>).
/// </summary>
public static class InvokeBodyReader
{
    public static InvokeBody Read(JsonObject body, string? deploymentHeader)
    {
        StrictBody.Check(body, Get(body, "properties") is null ? InvokeBodyShape.ThisApi : InvokeBodyShape.AzureMl);
        var errors = new Dictionary<string, string[]>();
        var inputs = new List<InvokeInput>();
        string? outputPath = null, outputFile = null;

        if (Get(body, "properties") is JsonObject properties)
        {
            if (Get(properties, "InputData") is JsonObject inputData)
                foreach (var (name, node) in inputData)
                    AddInput(inputs, errors, name, node, $"properties.InputData.{name}", "JobInputType", "Uri");
            if (Get(properties, "OutputData") is JsonObject outputData && outputData.FirstOrDefault() is { Value: JsonObject output } named)
            {
                var uri = Text(output, "Uri", $"properties.OutputData.{named.Key}.Uri", errors);
                var kind = Text(output, "JobOutputType", null, errors);
                if (uri is not null && IsFileType(kind))
                {
                    var slash = uri.TrimEnd('/').LastIndexOf('/');
                    (outputPath, outputFile) = slash < 0 ? ("", uri) : (uri[..slash], uri[(slash + 1)..]);
                }
                else
                {
                    outputPath = uri;
                }
            }
        }
        else
        {
            if (Get(body, "input") is { } single)
                AddInput(inputs, errors, "input", single, "input", "type", "path");
            if (Get(body, "inputs") is JsonObject many)
                foreach (var (name, node) in many)
                    AddInput(inputs, errors, name, node, $"inputs.{name}", "type", "path");
            if (Get(body, "output") is JsonObject output)
            {
                outputPath = Text(output, "path", "output.path", errors);
                outputFile = Text(output, "file_name", "output.file_name", errors);
            }
        }
        if (inputs.Count == 0 && !errors.Keys.Any(k => k.StartsWith("input", StringComparison.Ordinal) || k.StartsWith("properties", StringComparison.Ordinal)))
            errors["input"] = ["an input is required: {\"input\": {\"type\": \"uri_folder\", \"path\": \"...\"}} or properties.InputData"];

        var deployment = Text(body, "deployment_name", "deployment_name", errors) ?? NullIfEmpty(deploymentHeader);
        var policy = Text(body, "output_policy", "output_policy", errors)?.ToLowerInvariant() switch
        {
            null or "fail" => OutputPolicy.Fail,
            "overwrite" => OutputPolicy.Overwrite,
            var other => Error(errors, "output_policy", $"'{other}' is not an output policy; use fail or overwrite.", OutputPolicy.Fail),
        };
        var settings = Get(body, "settings") is JsonObject s ? ReadSettings(s, errors) : null;
        if (errors.Count > 0)
            throw DomainException.Validation(errors);
        return new InvokeBody(deployment, inputs, NullIfEmpty(outputPath), NullIfEmpty(outputFile), policy, settings);
    }

    private static JobSettingsOverrides ReadSettings(JsonObject s, Dictionary<string, string[]> errors)
    {
        string? miniBatch = Get(s, "mini_batch_size") switch
        {
            null => null,
            JsonValue v when v.TryGetValue<long>(out var n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture),
            JsonValue v when v.TryGetValue<string>(out var text) => text,
            _ => Error<string?>(errors, "settings.mini_batch_size", "must be a number of files or a string such as \"10MB\" or \"1000 rows\".", null),
        };
        var retry = Get(s, "retry_settings") as JsonObject;
        var action = Text(s, "output_action", "settings.output_action", errors)?.ToLowerInvariant() switch
        {
            null => (OutputAction?)null,
            "append_row" => OutputAction.AppendRow,
            "summary_only" => OutputAction.SummaryOnly,
            var other => Error<OutputAction?>(errors, "settings.output_action", $"'{other}' is not an output action; use append_row or summary_only.", null),
        };
        return new JobSettingsOverrides(
            miniBatch,
            Int(s, "instance_count", "settings.instance_count", errors),
            Int(s, "max_concurrency_per_instance", "settings.max_concurrency_per_instance", errors),
            retry is null ? null : Int(retry, "max_retries", "settings.retry_settings.max_retries", errors),
            retry is null ? null : Int(retry, "timeout", "settings.retry_settings.timeout", errors),
            Int(s, "error_threshold", "settings.error_threshold", errors),
            Text(s, "logging_level", "settings.logging_level", errors),
            action,
            Text(s, "output_file_name", "settings.output_file_name", errors),
            Names(s, "input_columns", "settings.input_columns", errors),
            Names(s, "passthrough_columns", "settings.passthrough_columns", errors),
            Text(s, "output_format", "settings.output_format", errors));
    }

    private static List<string>? Names(JsonObject obj, string key, string field, Dictionary<string, string[]> errors) => Get(obj, key) switch
    {
        null => null,
        JsonArray array when array.All(n => n is JsonValue v && v.GetValueKind() == JsonValueKind.String) => array.Select(n => n!.GetValue<string>()).ToList(),
        _ => Error<List<string>?>(errors, field, "must be a list of column names such as [\"age\", \"income\"].", null),
    };

    private static void AddInput(List<InvokeInput> inputs, Dictionary<string, string[]> errors, string name, JsonNode? node, string field, string typeKey, string pathKey)
    {
        if (node is not JsonObject input)
        {
            errors[field] = ["must be an object with a type and a path"];
            return;
        }
        var path = Text(input, pathKey, $"{field}.{pathKey}", errors);
        var type = Text(input, typeKey, $"{field}.{typeKey}", errors);
        // No type: decided by what the path turns out to be (a file or a folder).
        var normalized = type is null ? ""
            : IsFileType(type) ? "uri_file"
            : IsFolderType(type) ? "uri_folder"
            : Error<string?>(errors, $"{field}.{typeKey}", $"'{type}' is not an input type; use uri_file or uri_folder.", null);
        if (path is null)
            errors.TryAdd($"{field}.{pathKey}", ["is required"]);
        else if (normalized is not null)
            inputs.Add(new InvokeInput(name, normalized, path, $"{field}.{pathKey}"));
    }

    private static bool IsFileType(string? type) => type is not null && type.Replace("_", "", StringComparison.Ordinal).Equals("urifile", StringComparison.OrdinalIgnoreCase);

    private static bool IsFolderType(string? type) => type is not null && type.Replace("_", "", StringComparison.Ordinal).Equals("urifolder", StringComparison.OrdinalIgnoreCase);

    private static JsonNode? Get(JsonObject obj, string key)
    {
        if (obj.TryGetPropertyValue(key, out var exact))
            return exact;
        foreach (var (name, value) in obj)
            if (string.Equals(name, key, StringComparison.OrdinalIgnoreCase))
                return value;
        return null;
    }

    private static string? Text(JsonObject obj, string key, string? field, Dictionary<string, string[]> errors) => Get(obj, key) switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        _ when field is null => null,
        _ => Error<string?>(errors, field, "must be a string.", null),
    };

    private static int? Int(JsonObject obj, string key, string field, Dictionary<string, string[]> errors) => Get(obj, key) switch
    {
        null => null,
        JsonValue v when v.TryGetValue<int>(out var n) => n,
        JsonValue v when v.TryGetValue<string>(out var text) && int.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var n) => n,
        _ => Error<int?>(errors, field, "must be an integer.", null),
    };

    private static T Error<T>(Dictionary<string, string[]> errors, string field, string message, T fallback)
    {
        errors[field] = [message];
        return fallback;
    }

    private static string? NullIfEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
