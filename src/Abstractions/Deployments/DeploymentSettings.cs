namespace OrleansBatch.Abstractions.Deployments;

/// <summary>
/// <c>settings</c> of a batch deployment, with Azure ML's defaults. <see cref="ErrorThreshold"/> -1
/// ignores failed items; <see cref="OutputAction"/> is <c>append_row</c> or <c>summary_only</c>.
/// <see cref="InputColumns"/> and <see cref="PassthroughColumns"/> (null when unset) name tabular input columns:
/// the model's features in its order, and columns copied into the output. <see cref="OutputFormat"/> is
/// <c>csv</c> or <c>parquet</c> (null: csv).
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
    IReadOnlyList<string>? InputColumns = null,
    IReadOnlyList<string>? PassthroughColumns = null,
    string? OutputFormat = null,
    ImageSettings? Image = null)
{
    public const string AppendRow = "append_row";
    public const string SummaryOnly = "summary_only";

    public static readonly string[] LoggingLevels = ["debug", "info", "warning", "error"];

    /// <summary>The formats of the joined output: <c>csv</c> (the default) or <c>parquet</c>.</summary>
    public static readonly string[] OutputFormats = ["csv", "parquet"];

    /// <summary>The default <c>output_file_name</c> for a format.</summary>
    public static string DefaultFileName(string? outputFormat) => outputFormat == "parquet" ? "predictions.parquet" : "predictions.csv";
}
