namespace OrleansBatch.Abstractions.Jobs;

/// <summary>Per-job overrides of the deployment's settings (the names of <c>deployment.yml</c>); each null keeps the deployment's value.</summary>
/// <param name="MiniBatchSize">A number of files (<c>"10"</c>), a size (<c>"10MB"</c>) or <c>"&lt;n&gt; rows"</c>.</param>
/// <param name="InstanceCount">Instances scoring at once.</param>
/// <param name="MaxConcurrencyPerInstance">Mini-batches per instance at once.</param>
/// <param name="MaxRetries">Retries of a failed mini-batch.</param>
/// <param name="TimeoutSeconds">Time limit of one try of a mini-batch.</param>
/// <param name="ErrorThreshold">Failed items tolerated; -1 for any number.</param>
/// <param name="LoggingLevel"><c>debug</c>, <c>info</c> or <c>warning</c>.</param>
/// <param name="OutputAction"><c>append_row</c> or <c>summary_only</c>.</param>
/// <param name="OutputFileName">The output file's name.</param>
/// <param name="InputColumns">The columns the model reads, by name.</param>
/// <param name="PassthroughColumns">Input columns copied into the output.</param>
/// <param name="OutputFormat"><c>csv</c> or <c>parquet</c>.</param>
[GenerateSerializer, Immutable, Alias("obatch.JobInvocationSettings")]
public sealed record JobInvocationSettings(
    string? MiniBatchSize = null,
    int? InstanceCount = null,
    int? MaxConcurrencyPerInstance = null,
    int? MaxRetries = null,
    int? TimeoutSeconds = null,
    int? ErrorThreshold = null,
    string? LoggingLevel = null,
    string? OutputAction = null,
    string? OutputFileName = null,
    IReadOnlyList<string>? InputColumns = null,
    IReadOnlyList<string>? PassthroughColumns = null,
    string? OutputFormat = null);
