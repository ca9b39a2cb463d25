using OrleansBatch.Abstractions;
namespace OrleansBatch.Grains.Domain.Jobs;

/// <summary>
/// The effective settings of a job: the pinned deployment version's settings with the invoke's overrides
/// applied. Defaults as Azure ML batch deployments.
/// </summary>
[GenerateSerializer, Immutable, Alias("obatch.jobs.JobSettings")]
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
    IReadOnlyList<string>? InputColumns = null,
    IReadOnlyList<string>? PassthroughColumns = null,
    string OutputFormat = "csv",
    Abstractions.Deployments.ImageSettings? Image = null)
{
    public static readonly JobSettings Default = new(MiniBatchSize.Default);

    /// <summary>Mini-batches a job may have outstanding at once (its flow-control window).</summary>
    public int Window => InstanceCount * MaxConcurrencyPerInstance;

    /// <summary>Whether the joined output is Parquet (else CSV).</summary>
    public bool WritesParquet => OutputFormat == "parquet";

    /// <summary>Whether debug lines go to the job log.</summary>
    public bool LogsDebug => Logs("debug");

    /// <summary>Whether a log line of <paramref name="level"/> shows at this job's <c>logging_level</c> (warning drops info lines, info drops debug).</summary>
    public bool Logs(string level) => Rank(level) >= Rank(LoggingLevel);

    private static int Rank(string level) => Array.IndexOf(OrleansBatch.Abstractions.Deployments.DeploymentSettings.LoggingLevels, level.ToLowerInvariant()) is var i and >= 0 ? i : 1;

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
            o.InputColumns is null ? InputColumns : ColumnNames.Normalize(o.InputColumns),
            o.PassthroughColumns is null ? PassthroughColumns : ColumnNames.Normalize(o.PassthroughColumns),
            o.OutputFormat?.ToLowerInvariant() ?? OutputFormat,
            Image);
        if (o?.OutputFormat is not null && o.OutputFileName is null && OutputFileName == OrleansBatch.Abstractions.Deployments.DeploymentSettings.DefaultFileName(OutputFormat))
            s = s with { OutputFileName = OrleansBatch.Abstractions.Deployments.DeploymentSettings.DefaultFileName(s.OutputFormat) };
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
        if (!OrleansBatch.Abstractions.Deployments.DeploymentSettings.LoggingLevels.Contains(LoggingLevel.ToLowerInvariant()))
            errors["settings.logging_level"] = [$"must be one of {string.Join(", ", OrleansBatch.Abstractions.Deployments.DeploymentSettings.LoggingLevels)}"];
        if (!PlainFileName.IsValid(OutputFileName) || OutputFileName.StartsWith('.'))
            errors["settings.output_file_name"] = [PlainFileName.Rule];
        if (ColumnNames.Problems(InputColumns).ToArray() is { Length: > 0 } inputColumns)
            errors["settings.input_columns"] = inputColumns;
        if (ColumnNames.Problems(PassthroughColumns).ToArray() is { Length: > 0 } passthroughColumns)
            errors["settings.passthrough_columns"] = passthroughColumns;
        if (!OrleansBatch.Abstractions.Deployments.DeploymentSettings.OutputFormats.Contains(OutputFormat))
            errors["settings.output_format"] = [$"'{OutputFormat}' is not an output format; use csv or parquet"];
        if (errors.Count > 0)
            throw DomainException.Validation(errors);
    }
}
