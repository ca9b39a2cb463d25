using OrleansBatch.Grains.Domain.Jobs;

namespace OrleansBatch.Silo.Jobs;

/// <summary>Filters of a job listing; null matches everything.</summary>
public sealed record JobListFilter(string? Endpoint = null, string? Deployment = null, JobStatus? Status = null)
{
    public bool Matches(JobState job) =>
        (Endpoint is null || string.Equals(job.Spec.Endpoint, Endpoint, StringComparison.OrdinalIgnoreCase))
        && (Deployment is null || string.Equals(job.Spec.Deployment, Deployment, StringComparison.OrdinalIgnoreCase))
        && (Status is null || job.Status == Status);
}
