namespace OrleansBatch.Client.Jobs;

/// <summary>Per-job overrides of the deployment's settings; null keeps the deployment's value.</summary>
public sealed record BatchJobSettings
{
    /// <summary>Files per mini-batch (<c>"10"</c>), rows (<c>"1000 rows"</c>) or a size (<c>"10MB"</c>).</summary>
    public string? MiniBatchSize { get; init; }

    public int? InstanceCount { get; init; }

    public int? MaxConcurrencyPerInstance { get; init; }

    public BatchJobRetrySettings? RetrySettings { get; init; }

    /// <summary>-1 ignores failed items; N fails the job once more than N items failed.</summary>
    public int? ErrorThreshold { get; init; }

    public string? LoggingLevel { get; init; }

    /// <summary><c>append_row</c> or <c>summary_only</c>.</summary>
    public string? OutputAction { get; init; }

    public string? OutputFileName { get; init; }

    /// <summary>The columns, in the model's feature order, that feed a model input of one wide tensor (empty unsets the deployment's).</summary>
    public IReadOnlyList<string>? InputColumns { get; init; }

    /// <summary>Input columns copied into the output after <c>file_name,row</c> (empty unsets the deployment's).</summary>
    public IReadOnlyList<string>? PassthroughColumns { get; init; }

    /// <summary>The format of the joined output: <c>csv</c> or <c>parquet</c>.</summary>
    public string? OutputFormat { get; init; }
}
