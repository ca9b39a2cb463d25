namespace OrleansBatch.Abstractions.Deployments;

/// <summary>
/// <c>settings</c> of a batch deployment, with Azure ML's defaults. <see cref="ErrorThreshold"/> -1
/// ignores failed items; <see cref="OutputAction"/> is <c>append_row</c> or <c>summary_only</c>;
/// <see cref="Image"/> (<c>settings.image</c>) is null unless given.
/// </summary>
[GenerateSerializer, Immutable, Alias("obatch.DeploymentSettings")]
public sealed record DeploymentSettings(
    int MaxConcurrencyPerInstance,
    MiniBatchSize MiniBatchSize,
    RetrySettings RetrySettings,
    int ErrorThreshold,
    string LoggingLevel,
    string OutputAction,
    string OutputFileName,
    IReadOnlyDictionary<string, string> EnvironmentVariables,
    ImageSettings? Image = null)
{
    public const string AppendRow = "append_row";
    public const string SummaryOnly = "summary_only";

    public static readonly string[] LoggingLevels = ["debug", "info", "warning", "error"];
}
