namespace OrleansBatch.Client.Models;

/// <summary>
/// How a deployment runs jobs (<c>settings</c> in <c>deployment.yml</c>). In a request, a null value takes the
/// default; in a response the gateway gives the effective values.
/// </summary>
public sealed record DeploymentSettings
{
    /// <summary>Mini-batches scored at once per instance (default 1).</summary>
    public int? MaxConcurrencyPerInstance { get; init; }

    /// <summary>How much input per mini-batch (default 10 files).</summary>
    public MiniBatchSize? MiniBatchSize { get; init; }

    /// <summary>How failed mini-batches are retried.</summary>
    public RetrySettings? RetrySettings { get; init; }

    /// <summary>How many failed items a job tolerates before it fails; -1 for any number (the default).</summary>
    public int? ErrorThreshold { get; init; }

    /// <summary>The log level of jobs: <c>debug</c>, <c>info</c> (default) or <c>warning</c>.</summary>
    public string? LoggingLevel { get; init; }

    /// <summary>What jobs write (default <see cref="Models.OutputAction.AppendRow"/>).</summary>
    public OutputAction? OutputAction { get; init; }

    /// <summary>The name of the output file (default <c>predictions.csv</c>).</summary>
    public string? OutputFileName { get; init; }

    /// <summary>Environment variables for the scoring of this deployment.</summary>
    public IReadOnlyDictionary<string, string>? EnvironmentVariables { get; init; }

    /// <summary>
    /// The columns, in the model's feature order, that feed a model input of one wide tensor; matched by the
    /// header's names, so the file's column order does not matter.
    /// </summary>
    public IReadOnlyList<string>? InputColumns { get; init; }

    /// <summary>Input columns copied into the output after <c>file_name,row</c> (e.g. an id).</summary>
    public IReadOnlyList<string>? PassthroughColumns { get; init; }

    /// <summary>The format of the joined output: <c>csv</c> (default) or <c>parquet</c>.</summary>
    public string? OutputFormat { get; init; }

    /// <summary>How image inputs become the model's input: resizing and pixel scaling / normalisation (<c>settings.image</c>).</summary>
    public ImageSettings? Image { get; init; }
}
