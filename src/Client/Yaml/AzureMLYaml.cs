using System.Text.Json.Nodes;
using OrleansBatch.Client.Models;

namespace OrleansBatch.Client.Yaml;

/// <summary>
/// Loads Azure ML CLI v2 YAML files (<c>endpoint.yml</c>, <c>deployment.yml</c>, a data asset's YAML) into the client's
/// models, as they are written for Azure ML: <c>$schema</c>, <c>azureml:</c> model references, settings at the top level
/// (older batch YAML), and keys this platform has no use for (<c>compute</c>, <c>resources.instance_type</c>) are taken;
/// a key it cannot honour (a scoring script, an environment, a pipeline component) or does not know is refused with
/// an <see cref="AzureMLYamlException"/> that names it and says what to do. Overrides (<c>key.path=value</c>, like
/// <c>az ml ... --set</c>) are applied before the check.
/// </summary>
public static class AzureMLYaml
{
    private static readonly string[] TopLevelSettings =
    [
        "max_concurrency_per_instance", "mini_batch_size", "retry_settings", "error_threshold",
        "logging_level", "output_action", "output_file_name", "environment_variables",
    ];

    /// <summary>Reads an <c>endpoint.yml</c>.</summary>
    /// <param name="yaml">The file's text.</param>
    /// <param name="source">The file's name, for messages.</param>
    /// <param name="overrides"><c>key.path=value</c> pairs applied on top, e.g. <c>defaults.deployment_name=blue</c>.</param>
    public static EndpointYaml ReadEndpoint(string yaml, string source = "endpoint.yml", IEnumerable<string>? overrides = null)
        => Endpoint(YamlDocumentReader.ReadObject(yaml, source), source, overrides);

    /// <summary>An endpoint from <c>--set</c> overrides alone (no file).</summary>
    /// <param name="overrides"><c>key.path=value</c> pairs.</param>
    public static EndpointYaml EndpointFromOverrides(IEnumerable<string> overrides) => Endpoint([], "--set", overrides);

    /// <summary>Reads a batch <c>deployment.yml</c> (model or pipeline).</summary>
    /// <param name="yaml">The file's text.</param>
    /// <param name="source">The file's name, for messages.</param>
    /// <param name="overrides"><c>key.path=value</c> pairs applied on top, e.g. <c>settings.mini_batch_size=20</c>.</param>
    public static DeploymentYaml ReadDeployment(string yaml, string source = "deployment.yml", IEnumerable<string>? overrides = null)
    {
        var body = YamlDocumentReader.ReadObject(yaml, source);
        ApplyOverrides(body, overrides);
        var (name, endpointName) = (TakeString(body, "name", source), TakeString(body, "endpoint_name", source));
        body.Remove("$schema");
        Refuse(body, source, "code_configuration", "environment");
        if (body.ContainsKey("component") || body.ContainsKey("job_definition"))
            throw new AzureMLYamlException(source, body.ContainsKey("component") ? "component" : "job_definition",
                "is a pipeline-component deployment, which this platform does not run: chain registered models instead with 'type: pipeline' and 'steps: [{model: azureml:<name>:<version>}, ...]'.");
        MoveTopLevelSettings(body);
        var ignored = new List<string>();
        if (body["resources"] is JsonObject resources && resources.Remove("instance_type"))
            ignored.Add("resources.instance_type");
        if (body["model"] is JsonObject { } inline && inline.ContainsKey("path"))
            throw new AzureMLYamlException(source, "model.path",
                "is an inline model, which cannot be deployed as it is: register it first ('obatch model create --name <name> --path <path>') and write 'model: azureml:<name>@latest'.");
        if (body.ContainsKey("compute"))
            ignored.Add("compute");
        ModelKeyCheck.Check(body, typeof(BatchDeploymentDefinition), source);
        return new DeploymentYaml(name, endpointName, ModelKeyCheck.Bind<BatchDeploymentDefinition>(body, source), ignored);
    }

    /// <summary>Reads a data asset's YAML (<c>name</c>, <c>version</c>, <c>type</c>, <c>path</c>, <c>description</c>, <c>tags</c>).</summary>
    /// <param name="yaml">The file's text.</param>
    /// <param name="source">The file's name, for messages.</param>
    /// <param name="overrides"><c>key.path=value</c> pairs applied on top.</param>
    public static DataAssetYaml ReadDataAsset(string yaml, string source = "data.yml", IEnumerable<string>? overrides = null)
    {
        var body = YamlDocumentReader.ReadObject(yaml, source);
        ApplyOverrides(body, overrides);
        var name = TakeString(body, "name", source);
        var version = body["version"]?.ToString();
        body.Remove("version");
        body.Remove("$schema");
        if (body["type"]?.ToString() is "mltable")
            throw new AzureMLYamlException(source, "type", "is mltable, which batch endpoints do not take as input: use uri_folder (a folder of CSV, JSON lines or Parquet files) or uri_file.");
        ModelKeyCheck.Check(body, typeof(DataVersionDefinition), source);
        return new DataAssetYaml(name, version, ModelKeyCheck.Bind<DataVersionDefinition>(body, source));
    }

    /// <summary>
    /// Applies <c>key.path=value</c> overrides to a JSON object, creating objects on the way; the value is typed as
    /// YAML types it (<c>20</c> a number, <c>true</c> a boolean, anything else a string).
    /// </summary>
    /// <param name="body">The object to change.</param>
    /// <param name="overrides">The pairs.</param>
    public static void ApplyOverrides(JsonObject body, IEnumerable<string>? overrides)
    {
        ArgumentNullException.ThrowIfNull(body);
        foreach (var pair in overrides ?? [])
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
                throw new AzureMLYamlException("--set", pair, "is not key=value, e.g. defaults.deployment_name=blue.");
            var path = pair[..equals].Trim().Split('.');
            if (path.Any(p => p.Length == 0))
                throw new AzureMLYamlException("--set", pair[..equals], "is not a dotted key such as settings.retry_settings.max_retries.");
            var owner = body;
            foreach (var part in path[..^1])
            {
                if (owner[part] is not JsonObject next)
                    owner[part] = next = new JsonObject();
                owner = next;
            }
            owner[path[^1]] = YamlDocumentReader.Scalar(pair[(equals + 1)..]);
        }
    }

    private static EndpointYaml Endpoint(JsonObject body, string source, IEnumerable<string>? overrides)
    {
        ApplyOverrides(body, overrides);
        var name = TakeString(body, "name", source);
        body.Remove("$schema");
        ModelKeyCheck.Check(body, typeof(BatchEndpointDefinition), source);
        return new EndpointYaml(name, ModelKeyCheck.Bind<BatchEndpointDefinition>(body, source));
    }

    private static void Refuse(JsonObject body, string source, params string[] keys)
    {
        var found = keys.Where(body.ContainsKey).ToList();
        if (found.Count > 0)
            throw new AzureMLYamlException(source, string.Join("' and '", found),
                "cannot be honoured: this platform runs no scoring scripts or environments; it scores ONNX and ML.NET models directly. "
                + "Register the model ('obatch model create --name <name> --path model.onnx'), reference it as 'model: azureml:<name>@latest', and remove "
                + string.Join(" and ", found) + ".");
    }

    /// <summary>Older batch YAML writes the settings at the top level; they belong under <c>settings</c>.</summary>
    private static void MoveTopLevelSettings(JsonObject body)
    {
        foreach (var key in TopLevelSettings)
        {
            if (!body.TryGetPropertyValue(key, out var value))
                continue;
            body.Remove(key);
            if (body["settings"] is not JsonObject settings)
                body["settings"] = settings = new JsonObject();
            if (!settings.ContainsKey(key))
                settings[key] = value;
        }
    }

    private static string? TakeString(JsonObject body, string key, string source)
    {
        if (!body.TryGetPropertyValue(key, out var value))
            return null;
        body.Remove(key);
        return value switch
        {
            null => null,
            JsonValue v when v.TryGetValue<string>(out var text) => text,
            _ => throw new AzureMLYamlException(source, key, "must be a string."),
        };
    }
}
