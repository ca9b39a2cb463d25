using OrleansBatch.Abstractions;
namespace OrleansBatch.Grains.Domain.Jobs;

/// <summary>The job is now owned by another lease holder: this owner must stop at once.</summary>
[GenerateSerializer, Alias("obatch.jobs.JobOwnershipLostException")]
public sealed class JobOwnershipLostException(string job) : Exception($"Job {job} is owned by another silo now.");
