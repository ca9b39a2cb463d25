using System.Text.Json;

namespace OrleansBatch.Api.Contracts;

/// <summary>
/// <c>settings</c> of a deployment; each absent field takes Azure ML's default. <c>mini_batch_size</c> is a
/// number of files, a size string (<c>"10MB"</c>) or <c>"&lt;n&gt; rows"</c>. <c>input_columns</c> lists, in the model's
/// feature order, the columns that feed a model input of one wide tensor; <c>passthrough_columns</c> are copied into the output.
/// </summary>
public sealed record DeploymentSettingsRequest
{
    public int? MaxConcurrencyPerInstance { get; init; }
    public JsonElement? MiniBatchSize { get; init; }
    public RetrySettingsRequest? RetrySettings { get; init; }
    public int? ErrorThreshold { get; init; }
    public string? LoggingLevel { get; init; }
    public string? OutputAction { get; init; }
    public string? OutputFileName { get; init; }
    public Dictionary<string, string>? EnvironmentVariables { get; init; }
    public List<string>? InputColumns { get; init; }
    public List<string>? PassthroughColumns { get; init; }
    public string? OutputFormat { get; init; }

    /// <summary>Azure ML pipeline deployments' setting; accepted and listed in <c>ignored_settings</c>.</summary>
    public string? DefaultCompute { get; init; }

    /// <summary>Azure ML pipeline deployments' setting; accepted and listed in <c>ignored_settings</c>.</summary>
    public bool? ContinueOnStepFailure { get; init; }

    public ImageSettingsRequest? Image { get; init; }
}
