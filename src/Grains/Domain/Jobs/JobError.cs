using OrleansBatch.Abstractions;
namespace OrleansBatch.Grains.Domain.Jobs;

/// <summary>Why a job failed: a stable code and a message that says what happened and what to do.</summary>
[GenerateSerializer, Immutable, Alias("obatch.jobs.JobError")]
public sealed record JobError(string Code, string Message);
