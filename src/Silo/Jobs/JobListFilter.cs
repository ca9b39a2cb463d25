using OrleansBatch.Grains.Domain.Jobs;
using OrleansBatch.Grains.Providers;

namespace OrleansBatch.Silo.Jobs;

/// <summary>Filters of a job listing; null matches everything. Names match case-insensitively.</summary>
public sealed record JobListFilter(string? Endpoint = null, string? Deployment = null, JobStatus? Status = null)
{
    /// <summary>The index fields a listed job must hold; null when no job can match.</summary>
    public IReadOnlyList<QueryField>? QueryFields() => JobListIndex.Where(Endpoint, Deployment, Status);
}
