using System.Text.Json;
using OrleansBatch.Api.Contracts;
using OrleansBatch.Grains;
using OrleansBatch.Grains.Domain;
using OrleansBatch.Grains.Domain.Deployments;
using OrleansBatch.Grains.Domain.Models;
using OrleansBatch.Abstractions.Deployments;
using OrleansBatch.Abstractions.Models;
using OrleansBatch.Abstractions;

namespace OrleansBatch.Api.Compat;

/// <summary>Maps a <c>deployment.yml</c> body to a domain <see cref="DeploymentDraft"/>, collecting field errors.</summary>
internal static class DeploymentDrafts
{
    public static DeploymentDraft From(DeploymentRequest request, string endpoint, string name, ValidationErrors errors)
    {
        if (request.Name is not null && !string.Equals(request.Name, name, StringComparison.OrdinalIgnoreCase))
            errors.Add("name", $"'{request.Name}' differs from the deployment name '{name}' in the URL.");
        if (request.EndpointName is not null && !string.Equals(request.EndpointName, endpoint, StringComparison.OrdinalIgnoreCase))
            errors.Add("endpoint_name", $"'{request.EndpointName}' differs from the endpoint name '{endpoint}' in the URL.");
        var settings = request.Settings;
        return new DeploymentDraft
        {
            Type = request.Type,
            Model = request.Model is { } model ? Reference(model, "model", errors) : null,
            Steps = request.Steps?.Select((step, i) => step.Model is { } m
                    ? Reference(m, $"steps[{i}].model", errors)
                    : Missing($"steps[{i}].model", errors))
                .OfType<ModelReference>().ToList(),
            Description = request.Description,
            Tags = request.Tags,
            Compute = request.Compute,
            InstanceCount = request.Resources?.InstanceCount,
            MaxConcurrencyPerInstance = settings?.MaxConcurrencyPerInstance,
            MiniBatchSize = settings?.MiniBatchSize is { } size ? MiniBatch(size, errors) : null,
            MaxRetries = settings?.RetrySettings?.MaxRetries,
            Timeout = settings?.RetrySettings?.Timeout,
            ErrorThreshold = settings?.ErrorThreshold,
            LoggingLevel = settings?.LoggingLevel,
            OutputAction = settings?.OutputAction,
            OutputFileName = settings?.OutputFileName,
            EnvironmentVariables = settings?.EnvironmentVariables,
            InputColumns = settings?.InputColumns,
            PassthroughColumns = settings?.PassthroughColumns,
            OutputFormat = settings?.OutputFormat,
            IgnoredSettings = Ignored(request),
            ImageResize = settings?.Image?.Resize,
            ImageScale = settings?.Image?.Scale,
            ImageMean = settings?.Image?.Mean,
            ImageStd = settings?.Image?.Std,
        };
    }

    /// <summary>The Azure ML keys given that this platform accepts and does not use, in schema order.</summary>
    private static List<string> Ignored(DeploymentRequest request)
    {
        var given = new (string Key, bool Present)[]
        {
            ("compute", request.Compute is not null),
            ("environment", request.Environment is { ValueKind: not JsonValueKind.Null }),
            ("component", request.Component is { ValueKind: not JsonValueKind.Null }),
            ("job_definition", request.JobDefinition is not null),
            ("resources.instance_type", request.Resources?.InstanceType is not null),
            ("resources.properties", request.Resources?.Properties is not null),
            ("settings.default_compute", request.Settings?.DefaultCompute is not null),
            ("settings.continue_on_step_failure", request.Settings?.ContinueOnStepFailure is not null),
        };
        return given.Where(g => g.Present).Select(g => g.Key).ToList();
    }

    private static ModelReference? Missing(string field, ValidationErrors errors)
    {
        errors.Add(field, "is required: a registered model such as 'azureml:my-model:1'.");
        return null;
    }

    private static ModelReference? Reference(JsonElement model, string field, ValidationErrors errors)
    {
        switch (model.ValueKind)
        {
            case JsonValueKind.Null:
                return null;
            case JsonValueKind.String:
                return ModelReference.Parse(model.GetString()!, field, errors);
            case JsonValueKind.Object:
                if (model.TryGetProperty("path", out _) && !model.TryGetProperty("name", out _))
                {
                    errors.Add(field, "an inline model (path) cannot be deployed; register it first with POST /v1/models/{name}/versions, then reference it as 'name:version'.");
                    return null;
                }
                var name = model.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null;
                string? version = null;
                if (model.TryGetProperty("version", out var v))
                {
                    version = v.ValueKind switch
                    {
                        JsonValueKind.Number => v.GetRawText(),
                        JsonValueKind.String => v.GetString(),
                        _ => "?",
                    };
                }
                return ModelReference.Of(name, version, model.GetRawText(), field, errors);
            default:
                errors.Add(field, "must be a string such as 'azureml:my-model:1' or an object {name, version}.");
                return null;
        }
    }

    private static MiniBatchSize? MiniBatch(JsonElement size, ValidationErrors errors)
    {
        const string field = "settings.mini_batch_size";
        switch (size.ValueKind)
        {
            case JsonValueKind.Number when size.TryGetInt64(out var files):
                return MiniBatchSize.OfFiles(files, field, errors);
            case JsonValueKind.String:
                return MiniBatchSize.Parse(size.GetString()!, field, errors);
            case JsonValueKind.Null:
                return null;
            default:
                errors.Add(field, $"{size.GetRawText()} is not a mini-batch size; use a whole number of files (10), a size ('10MB') or rows ('1000 rows').");
                return null;
        }
    }

    /// <summary>Reads <c>?set_default=true</c>.</summary>
    public static bool SetDefault(HttpRequest request)
    {
        var text = request.Query["set_default"].ToString();
        if (text.Length == 0)
            return false;
        return bool.TryParse(text, out var value)
            ? value
            : throw DomainException.Validation("set_default", $"'{text}' is not true or false.");
    }
}
