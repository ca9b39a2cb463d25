namespace OrleansBatch.Api.Jobs;

/// <summary>The job's effective settings (deployment settings with the invoke's overrides).</summary>
public sealed record JobSettingsResponse(
    object MiniBatchSize, int InstanceCount, int MaxConcurrencyPerInstance, JobRetrySettingsResponse RetrySettings,
    long ErrorThreshold, string LoggingLevel, string OutputAction, string OutputFileName,
    IReadOnlyList<string>? InputColumns, IReadOnlyList<string>? PassthroughColumns, string OutputFormat);
