using OrleansBatch.Abstractions.Models;

namespace OrleansBatch.Abstractions.Deployments;

/// <summary>
/// A deployment as <c>deployment.yml</c> describes it, before validation: nulls take Azure ML's defaults.
/// Model references are parsed but not yet resolved.
/// </summary>
[GenerateSerializer, Immutable, Alias("obatch.DeploymentDraft")]
public sealed record DeploymentDraft
{
    public const int MaxInstances = 64;
    public const int MaxConcurrency = 64;
    public const int MaxSteps = 16;

    [Id(0)] public string? Type { get; init; }
    [Id(1)] public ModelReference? Model { get; init; }
    [Id(2)] public IReadOnlyList<ModelReference>? Steps { get; init; }
    [Id(3)] public string? Description { get; init; }
    [Id(4)] public IReadOnlyDictionary<string, string>? Tags { get; init; }
    [Id(5)] public string? Compute { get; init; }
    [Id(6)] public int? InstanceCount { get; init; }
    [Id(7)] public int? MaxConcurrencyPerInstance { get; init; }
    [Id(8)] public MiniBatchSize? MiniBatchSize { get; init; }
    [Id(9)] public int? MaxRetries { get; init; }
    [Id(10)] public int? Timeout { get; init; }
    [Id(11)] public int? ErrorThreshold { get; init; }
    [Id(12)] public string? LoggingLevel { get; init; }
    [Id(13)] public string? OutputAction { get; init; }
    [Id(14)] public string? OutputFileName { get; init; }
    [Id(15)] public IReadOnlyDictionary<string, string>? EnvironmentVariables { get; init; }
    [Id(16)] public IReadOnlyList<string>? InputColumns { get; init; }
    [Id(17)] public IReadOnlyList<string>? PassthroughColumns { get; init; }
    [Id(18)] public string? OutputFormat { get; init; }

    /// <summary>Keys of Azure ML's schema that were given and that this platform accepts but does not use (e.g. <c>compute</c>).</summary>
    [Id(19)] public IReadOnlyList<string>? IgnoredSettings { get; init; }
    [Id(20)] public bool? ImageResize { get; init; }
    [Id(21)] public float? ImageScale { get; init; }
    [Id(22)] public IReadOnlyList<float>? ImageMean { get; init; }
    [Id(23)] public IReadOnlyList<float>? ImageStd { get; init; }

    /// <summary>
    /// Validates every field into <paramref name="errors"/> (which may already hold parse errors) and
    /// throws 400 <c>ValidationFailed</c> listing them all; otherwise returns the settings with defaults filled in.
    /// </summary>
    public (string Type, int InstanceCount, DeploymentSettings Settings) Validate(ValidationErrors errors)
    {
        var type = (Type ?? DeploymentSpec.ModelType).ToLowerInvariant();
        if (type is not (DeploymentSpec.ModelType or DeploymentSpec.PipelineType))
            errors.Add("type", $"'{Type}' is not supported; use 'model' or 'pipeline'.");
        else if (type == DeploymentSpec.ModelType && Model is null && !errors.Has("model"))
            errors.Add("model", "is required: a registered model such as 'azureml:my-model:1' or 'my-model@latest'.");
        else if (type == DeploymentSpec.PipelineType && (Steps is null || Steps.Count == 0) && !errors.HasPrefix("steps"))
            errors.Add("steps", "a pipeline needs 1 or more steps such as [{model: 'prep:1'}, {model: 'clf:2'}].");
        if (type == DeploymentSpec.PipelineType && Model is not null)
            errors.Add("model", "a pipeline deployment runs its steps; remove 'model' (or use type: model without steps).");
        else if (type == DeploymentSpec.ModelType && Steps is { Count: > 0 })
            errors.Add("steps", "a model deployment runs 'model'; remove 'steps', or set type: pipeline and put the model in the steps.");
        if (Steps is { Count: > MaxSteps })
            errors.Add("steps", $"at most {MaxSteps} steps are allowed.");

        Range(InstanceCount, "resources.instance_count", 1, MaxInstances, errors);
        Range(MaxConcurrencyPerInstance, "settings.max_concurrency_per_instance", 1, MaxConcurrency, errors);
        Range(MaxRetries, "settings.retry_settings.max_retries", 0, 100, errors);
        Range(Timeout, "settings.retry_settings.timeout", 1, 86_400, errors);
        if (ErrorThreshold is < -1)
            errors.Add("settings.error_threshold", $"{ErrorThreshold} is not allowed; use -1 (ignore failures) or a number of failed items >= 0.");

        var loggingLevel = (LoggingLevel ?? "info").ToLowerInvariant();
        if (!DeploymentSettings.LoggingLevels.Contains(loggingLevel))
            errors.Add("settings.logging_level", $"'{LoggingLevel}' is not a logging level; use {string.Join(", ", DeploymentSettings.LoggingLevels)}.");

        var outputAction = (OutputAction ?? DeploymentSettings.AppendRow).ToLowerInvariant();
        if (outputAction is "appendrow") outputAction = DeploymentSettings.AppendRow;
        if (outputAction is "summaryonly") outputAction = DeploymentSettings.SummaryOnly;
        if (outputAction is not (DeploymentSettings.AppendRow or DeploymentSettings.SummaryOnly))
            errors.Add("settings.output_action", $"'{OutputAction}' is not an output action; use 'append_row' or 'summary_only'.");

        var outputFormat = OutputFormat?.ToLowerInvariant();
        if (outputFormat is not null && !DeploymentSettings.OutputFormats.Contains(outputFormat))
            errors.Add("settings.output_format", $"'{OutputFormat}' is not an output format; use {string.Join(" or ", DeploymentSettings.OutputFormats)}.");
        var outputFileName = OutputFileName ?? DeploymentSettings.DefaultFileName(outputFormat);
        if (!PlainFileName.IsValid(outputFileName))
            errors.Add("settings.output_file_name", $"'{OutputFileName}' {PlainFileName.Rule}.");

        StringMap.Validate(Tags, "tags", errors);
        StringMap.Validate(EnvironmentVariables, "settings.environment_variables", errors);
        foreach (var key in EnvironmentVariables?.Keys ?? [])
        {
            if (key.Length == 0 || key.Contains('=') || key.Any(char.IsControl))
                errors.Add("settings.environment_variables", $"'{key}' is not a valid environment variable name.");
        }
        foreach (var problem in ColumnNames.Problems(InputColumns))
            errors.Add("settings.input_columns", problem);
        foreach (var problem in ColumnNames.Problems(PassthroughColumns))
            errors.Add("settings.passthrough_columns", problem);
        if (Description is { Length: > 4096 })
            errors.Add("description", "is longer than 4096 characters.");
        var image = ImageSettings.Validate(ImageResize, ImageScale, ImageMean, ImageStd, errors);
        errors.ThrowIfAny();

        var settings = new DeploymentSettings(
            MaxConcurrencyPerInstance ?? 1,
            MiniBatchSize ?? Deployments.MiniBatchSize.Default,
            new RetrySettings(MaxRetries ?? 3, Timeout ?? 30),
            ErrorThreshold ?? -1,
            loggingLevel,
            outputAction,
            outputFileName,
            StringMap.Normalize(EnvironmentVariables),
            ColumnNames.Normalize(InputColumns),
            ColumnNames.Normalize(PassthroughColumns),
            outputFormat is "csv" ? null : outputFormat,
            image);
        return (type, InstanceCount ?? 1, settings);
    }

    private static void Range(int? value, string field, int min, int max, ValidationErrors errors)
    {
        if (value is { } v && (v < min || v > max))
            errors.Add(field, $"{v} is out of range; use {min}-{max}.");
    }
}
