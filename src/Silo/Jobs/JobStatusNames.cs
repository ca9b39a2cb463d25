using OrleansBatch.Abstractions;
using OrleansBatch.Grains.Domain.Jobs;

namespace OrleansBatch.Silo.Jobs;

/// <summary>Job statuses as callers write them in list filters (<c>?status=</c>, <see cref="Abstractions.Jobs.JobListQuery.Status"/>).</summary>
public static class JobStatusNames
{
    /// <summary>The status named by <paramref name="status"/> (any case), null for none; 400 <c>ValidationFailed</c> for a name that is not one.</summary>
    public static JobStatus? Parse(string? status) =>
        string.IsNullOrEmpty(status) ? null
        : Enum.TryParse<JobStatus>(status, ignoreCase: true, out var parsed) && !int.TryParse(status, out _) ? parsed
        : throw DomainException.Validation("status", $"'{status}' is not a job status; use one of {string.Join(", ", Enum.GetNames<JobStatus>())}.");
}
