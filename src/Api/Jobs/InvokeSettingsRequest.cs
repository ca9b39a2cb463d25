using OrleansBatch.Api.Contracts;

namespace OrleansBatch.Api.Jobs;

/// <summary>Per-job settings; each absent one keeps the deployment's value.</summary>
/// <param name="MiniBatchSize">A number of files, a size (<c>"10MB"</c>) or <c>"&lt;n&gt; rows"</c>.</param>
/// <param name="InstanceCount">Instances scoring at once.</param>
/// <param name="MaxConcurrencyPerInstance">Mini-batches per instance at once.</param>
/// <param name="RetrySettings">Retries and the time limit of one try, in seconds.</param>
/// <param name="ErrorThreshold">Failed items tolerated; -1 for any number.</param>
/// <param name="LoggingLevel"><c>debug</c>, <c>info</c> or <c>warning</c>.</param>
/// <param name="OutputFileName">The output file's name.</param>
public sealed record InvokeSettingsRequest(
    object? MiniBatchSize,
    int? InstanceCount,
    int? MaxConcurrencyPerInstance,
    RetrySettingsRequest? RetrySettings,
    int? ErrorThreshold,
    string? LoggingLevel,
    string? OutputFileName);
