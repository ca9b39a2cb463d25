using OrleansBatch.Abstractions;
namespace OrleansBatch.Grains.Domain.Jobs;

/// <summary>
/// Where a job is in its life: NotStarted/Queued -> Running -> Finalizing -> Completed | Failed | Canceled.
/// CancelRequested sits between Running (or Queued) and Canceled while the owner winds the job down.
/// </summary>
[GenerateSerializer, Alias("obatch.jobs.JobStatus")]
public enum JobStatus { NotStarted, Queued, Running, CancelRequested, Finalizing, Completed, Failed, Canceled }
