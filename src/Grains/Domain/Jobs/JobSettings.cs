using OrleansBatch.Abstractions;
namespace OrleansBatch.Grains.Domain.Jobs;

/// <summary>
/// The effective settings of a job: the pinned deployment version's settings with the invoke's overrides
/// applied. Defaults as Azure ML batch deployments.
/// </summary>
public sealed record JobSettings(
    MiniBatchSize MiniBatchSize,
    int InstanceCount = 1,
    int MaxConcurrencyPerInstance = 1,
    int MaxRetries = 3,
    int TimeoutSeconds = 30,
    long ErrorThreshold = -1,
    string LoggingLevel = "info",
    OutputAction OutputAction = OutputAction.AppendRow,
    string OutputFileName = "predictions.csv",
    Abstractions.Deployments.ImageSettings? Image = null)
{
    public static readonly JobSettings Default = new(MiniBatchSize.Default);

    /// <summary>Mini-batches a job may have outstanding at once (its flow-control window).</summary>
    public int Window => InstanceCount * MaxConcurrencyPerInstance;

    /// <summary>Whether debug lines go to the job log.</summary>
    public bool LogsDebug => string.Equals(LoggingLevel, "debug", StringComparison.OrdinalIgnoreCase);

    /// <summary>These settings with every non-null override applied, validated.</summary>
    public JobSettings With(JobSettingsOverrides? o)
    {
        var s = o is null ? this : new JobSettings(
            o.MiniBatchSize is { } m ? MiniBatchSize.Parse(m) : MiniBatchSize,
            o.InstanceCount ?? InstanceCount,
            o.MaxConcurrencyPerInstance ?? MaxConcurrencyPerInstance,
            o.MaxRetries ?? MaxRetries,
            o.TimeoutSeconds ?? TimeoutSeconds,
            o.ErrorThreshold ?? ErrorThreshold,
            o.LoggingLevel ?? LoggingLevel,
            o.OutputAction ?? OutputAction,
            o.OutputFileName ?? OutputFileName,
            Image);
        s.Validate();
        return s;
    }

    /// <summary>Throws 400 ValidationFailed naming every bad field.</summary>
    public void Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (InstanceCount is < 1 or > 1000) errors["settings.instance_count"] = ["must be between 1 and 1000"];
        if (MaxConcurrencyPerInstance is < 1 or > 1000) errors["settings.max_concurrency_per_instance"] = ["must be between 1 and 1000"];
        if (MaxRetries is < 0 or > 100) errors["settings.retry_settings.max_retries"] = ["must be between 0 and 100"];
        if (TimeoutSeconds is < 1 or > 86400) errors["settings.retry_settings.timeout"] = ["must be between 1 and 86400 seconds"];
        if (ErrorThreshold < -1) errors["settings.error_threshold"] = ["must be -1 (ignore failures) or a number of failed items >= 0"];
        if (LoggingLevel.ToLowerInvariant() is not ("debug" or "info" or "warning"))
            errors["settings.logging_level"] = ["must be debug, info or warning"];
        if (string.IsNullOrWhiteSpace(OutputFileName) || OutputFileName.Contains('/') || OutputFileName.Contains('\\') || OutputFileName.StartsWith('.'))
            errors["settings.output_file_name"] = ["must be a plain file name such as predictions.csv"];
        if (errors.Count > 0)
            throw DomainException.Validation(errors);
    }
}
