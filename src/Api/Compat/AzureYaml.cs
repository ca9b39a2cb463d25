using System.Text.Json;
using System.Text.Json.Nodes;
using OrleansBatch.Api.Http;
using OrleansBatch.Grains;
using OrleansBatch.Abstractions;

namespace OrleansBatch.Api.Compat;

/// <summary>
/// Accepts Azure ML CLI v2 <c>endpoint.yml</c> / <c>deployment.yml</c> as they are: settings written at the
/// top level (older batch deployment YAML) move under <c>settings</c>, unquoted numbers in string maps
/// (tags, environment variables) become strings, and scoring scripts (<c>code_configuration</c>) are refused with a stable code.
/// </summary>
internal static class AzureYaml
{
    private static readonly string[] TopLevelSettings =
    [
        "max_concurrency_per_instance", "mini_batch_size", "retry_settings", "error_threshold",
        "logging_level", "output_action", "output_file_name", "environment_variables",
    ];

    /// <summary>Endpoints, models and data assets: only their tags need care.</summary>
    public static void NormalizeTags(JsonObject body) => StringifyMap(body, "tags");

    public static void NormalizeDeployment(JsonObject body)
    {
        RefuseScoringScript(body);
        var settings = body["settings"] as JsonObject;
        foreach (var key in TopLevelSettings)
        {
            if (!body.TryGetPropertyValue(key, out var value))
                continue;
            body.Remove(key);
            if (settings is null && body["settings"] is null)
                body["settings"] = settings = new JsonObject();
            if (settings is not null && !settings.ContainsKey(key))
                settings[key] = value;
        }
        StringifyMap(body, "tags");
        if (body["settings"] is JsonObject s)
            StringifyMap(s, "environment_variables");
    }

    private static void RefuseScoringScript(JsonObject body)
    {
        if (body["code_configuration"] is null)
            return;
        const string message = "This platform scores ONNX and ML.NET models directly and runs no scoring scripts: register the model "
            + "(POST /v1/models/{name}/versions) and remove code_configuration from the deployment.";
        throw new DomainException(400, ProblemCodes.ScoringScriptNotSupported, message, new Dictionary<string, string[]> { ["code_configuration"] = [message] });
    }

    /// <summary>YAML <c>FOO: 1</c> is a number; Azure treats map values as strings, so do the same for scalars.</summary>
    private static void StringifyMap(JsonObject owner, string name)
    {
        if (owner[name] is not JsonObject map)
            return;
        foreach (var key in map.Select(p => p.Key).ToList())
        {
            if (map[key] is JsonValue value && value.GetValueKind() is JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False)
                map[key] = value.ToJsonString();
        }
    }
}
