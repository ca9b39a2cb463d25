using OrleansBatch.Abstractions;
namespace OrleansBatch.Grains.Domain.Jobs;

/// <summary>Another activation of the job grain has claimed the job (during a membership change): this owner must stop at once.</summary>
[GenerateSerializer, Alias("obatch.jobs.JobOwnershipLostException")]
public sealed class JobOwnershipLostException(string job) : Exception($"Job {job} is owned by another silo now.");
