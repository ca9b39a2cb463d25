using OrleansBatch.Grains.Domain.Jobs;
using OrleansBatch.Silo.Jobs;

namespace OrleansBatch.Api.Dashboard;

/// <summary>Reads the job list's filters from the query string (the page and its event stream read them alike).</summary>
internal static class JobFilters
{
    /// <summary>False when <paramref name="status"/> names no job status.</summary>
    public static bool TryCreate(string? endpoint, string? deployment, string? status, out JobListFilter filter)
    {
        JobStatus? parsed = null;
        if (!string.IsNullOrEmpty(status))
        {
            if (!Enum.TryParse<JobStatus>(status, ignoreCase: true, out var s) || int.TryParse(status, out _))
            {
                filter = new JobListFilter();
                return false;
            }
            parsed = s;
        }
        filter = new JobListFilter(NullIfEmpty(endpoint), NullIfEmpty(deployment), parsed);
        return true;
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim().ToLowerInvariant();
}
