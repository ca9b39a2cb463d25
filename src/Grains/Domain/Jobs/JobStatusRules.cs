using OrleansBatch.Abstractions;
namespace OrleansBatch.Grains.Domain.Jobs;

/// <summary>The status machine: which statuses end a job and which moves are allowed.</summary>
public static class JobStatusRules
{
    public static bool IsTerminal(this JobStatus status) =>
        status is JobStatus.Completed or JobStatus.Failed or JobStatus.Canceled;

    /// <summary>Whether a job may move from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static bool CanMove(JobStatus from, JobStatus to) => (from, to) switch
    {
        (JobStatus.NotStarted, JobStatus.Queued) => true,
        (JobStatus.NotStarted or JobStatus.Queued, JobStatus.Running) => true,
        (JobStatus.NotStarted or JobStatus.Queued or JobStatus.Running, JobStatus.CancelRequested) => true,
        (JobStatus.Running, JobStatus.Finalizing) => true,
        (JobStatus.Finalizing, JobStatus.Completed) => true,
        (JobStatus.CancelRequested, JobStatus.Canceled) => true,
        // A job can fail from any live status (bad plan, error threshold, finalize failure).
        (_, JobStatus.Failed) => !from.IsTerminal(),
        _ => false,
    };
}
