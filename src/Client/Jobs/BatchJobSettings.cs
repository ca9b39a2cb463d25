using OrleansBatch.Client.Models;

namespace OrleansBatch.Client.Jobs;

/// <summary>
/// A job's settings: in an invocation, per-job overrides of the deployment's settings (null keeps the deployment's
/// value); in <see cref="BatchJob.Settings"/>, the effective values the job runs with.
/// </summary>
public sealed record BatchJobSettings
{
    /// <summary>Files per mini-batch (<c>10</c>), rows (<c>"1000 rows"</c>) or a size (<c>"10MB"</c>).</summary>
    public MiniBatchSize? MiniBatchSize { get; init; }

    /// <summary>Instances (of <see cref="MaxConcurrencyPerInstance"/> mini-batches each) that score at once.</summary>
    public int? InstanceCount { get; init; }

    /// <summary>Mini-batches scored at once per instance.</summary>
    public int? MaxConcurrencyPerInstance { get; init; }

    /// <summary>How failed or timed-out mini-batches are retried.</summary>
    public RetrySettings? RetrySettings { get; init; }

    /// <summary>-1 ignores failed items; N fails the job once more than N items failed.</summary>
    public int? ErrorThreshold { get; init; }

    /// <summary><c>debug</c>, <c>info</c> or <c>warning</c>.</summary>
    public string? LoggingLevel { get; init; }

    /// <summary><c>append_row</c> or <c>summary_only</c>.</summary>
    public string? OutputAction { get; init; }

    /// <summary>The output file's name (default <c>predictions.csv</c>).</summary>
    public string? OutputFileName { get; init; }

    /// <summary>The columns, in the model's feature order, that feed a model input of one wide tensor (empty unsets the deployment's).</summary>
    public IReadOnlyList<string>? InputColumns { get; init; }

    /// <summary>Input columns copied into the output after <c>file_name,row</c> (empty unsets the deployment's).</summary>
    public IReadOnlyList<string>? PassthroughColumns { get; init; }

    /// <summary>The format of the joined output: <c>csv</c> or <c>parquet</c>.</summary>
    public string? OutputFormat { get; init; }
}
