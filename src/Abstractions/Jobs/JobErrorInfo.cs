namespace OrleansBatch.Abstractions.Jobs;

/// <summary>Why a job failed: a stable code (e.g. <c>ErrorThresholdExceeded</c>) and a message that says what to do.</summary>
[GenerateSerializer, Immutable, Alias("obatch.JobErrorInfo")]
public sealed record JobErrorInfo(string Code, string Message);
