namespace OrleansBatch.Silo.Jobs;

/// <summary>
/// Entry of the platform-wide index of live jobs (grain <c>jobactive/_platform/tenant/job</c>): lets any
/// silo find jobs that need an owner, and lets workers skip mini-batches of a canceled or ended job.
/// </summary>
public sealed record ActiveJob(string Tenant, string Job, DateTimeOffset CreatedAt, bool CancelRequested = false);
