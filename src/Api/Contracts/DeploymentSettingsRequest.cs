using System.Text.Json;

namespace OrleansBatch.Api.Contracts;

/// <summary>
/// <c>settings</c> of a deployment; each absent field takes Azure ML's default. <c>mini_batch_size</c> is a
/// number of files, a size string (<c>"10MB"</c>) or <c>"&lt;n&gt; rows"</c>.
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
    public ImageSettingsRequest? Image { get; init; }
}
