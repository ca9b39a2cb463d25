using OrleansBatch.Grains.Providers;

namespace OrleansBatch.Grains.Domain.Jobs;

/// <summary>
/// The query fields of a job record, by which the job list is filtered (endpoint, deployment, status), in one place
/// for the write and the query. Names are kept lower-case (they are compared case-insensitively); a status by its name.
/// </summary>
public static class JobListIndex
{
    private const string Endpoint = "endpoint";
    private const string Deployment = "deployment";
    private const string Status = "status";

    /// <summary>The fields stored with <paramref name="job"/>: each write of the job moves it in the index.</summary>
    public static IReadOnlyList<QueryField> Of(JobState job) =>
        [new(Endpoint, Normalize(job.Spec.Endpoint)), new(Deployment, Normalize(job.Spec.Deployment)), new(Status, job.Status.ToString())];

    /// <summary>
    /// The fields a listing must match (none for no filter), or null when no job can match (a name longer than any
    /// field holds), so the caller answers an empty page without asking the store.
    /// </summary>
    public static IReadOnlyList<QueryField>? Where(string? endpoint, string? deployment, JobStatus? status)
    {
        // Most selective first (a store may walk the first field's range and look the others up): a deployment
        // belongs to one endpoint, and the statuses people filter by (running, failed) are the rare ones.
        var where = new List<QueryField>(3);
        if (deployment is not null)
            where.Add(new(Deployment, Normalize(deployment)));
        if (status is { } s)
            where.Add(new(Status, s.ToString()));
        if (endpoint is not null)
            where.Add(new(Endpoint, Normalize(endpoint)));
        return where.Any(f => f.Value.Length > QueryField.MaxValueLength) ? null : where;
    }

    private static string Normalize(string name) => name.ToLowerInvariant();
}
