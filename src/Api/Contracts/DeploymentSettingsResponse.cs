namespace OrleansBatch.Api.Contracts;

/// <summary>
/// Effective <c>settings</c> of a deployment version (defaults filled in). <c>mini_batch_size</c> is a
/// number (files) or a string (<c>"10MB"</c>, <c>"1000 rows"</c>).
/// </summary>
public sealed record DeploymentSettingsResponse(
    int MaxConcurrencyPerInstance,
    object MiniBatchSize,
    RetrySettingsResponse RetrySettings,
    int ErrorThreshold,
    string LoggingLevel,
    string OutputAction,
    string OutputFileName,
    IReadOnlyDictionary<string, string> EnvironmentVariables,
    IReadOnlyList<string>? InputColumns,
    IReadOnlyList<string>? PassthroughColumns,
    string OutputFormat,
    ImageSettingsResponse? Image = null);
