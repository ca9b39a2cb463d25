using OrleansBatch.Abstractions;
namespace OrleansBatch.Grains.Domain.Jobs;

/// <summary>Per-job settings given at invoke; null fields keep the deployment's value (an empty column list unsets it).</summary>
public sealed record JobSettingsOverrides(
    string? MiniBatchSize = null,
    int? InstanceCount = null,
    int? MaxConcurrencyPerInstance = null,
    int? MaxRetries = null,
    int? TimeoutSeconds = null,
    long? ErrorThreshold = null,
    string? LoggingLevel = null,
    OutputAction? OutputAction = null,
    string? OutputFileName = null,
    IReadOnlyList<string>? InputColumns = null,
    IReadOnlyList<string>? PassthroughColumns = null,
    string? OutputFormat = null);
