using Orleans;
using Orleans.Concurrency;
using OrleansBatch.Abstractions;
using OrleansBatch.Grains.Domain.Jobs;

namespace OrleansBatch.Silo.Jobs;

/// <summary>
/// The job's record, kept in the <see cref="JobGrain"/>'s Orleans grain state and changed only through these calls, one
/// <see cref="JobCommands"/> rule each. Owner calls carry the owner's token and fail with
/// <see cref="JobOwnershipLostException"/> for an owner that another activation has replaced.
/// </summary>
[Alias("obatch.IJobStateGrain"), SiloInternal]
public interface IJobStateGrain : IGrainWithStringKey
{
    /// <summary>Creates the job and starts running it; an existing job is returned unchanged.</summary>
    [Alias("Create")] Task<JobState> CreateAsync(JobState job);

    /// <summary>Asks the owner to stop; 409 <c>JobTerminal</c> for a job that has ended.</summary>
    [Alias("RequestCancel")] Task<JobState> RequestCancelAsync();

    [Alias("Claim")] Task<JobState> ClaimAsync(string token);

    [Alias("BeginRunning")] Task<JobState> BeginRunningAsync(string token, JobPlan plan);

    /// <summary>Writes the owner's counters (and answers the current state, so the owner sees a cancel request).</summary>
    [Alias("Report")] Task<JobState> ReportAsync(string token, JobProgress progress);

    /// <summary>The job as stored (a read; the owner polls it for cancel requests).</summary>
    [Alias("Read")] Task<JobState?> ReadAsync();

    [Alias("BeginFinalize")] Task<JobState> BeginFinalizeAsync(string token, JobProgress progress);

    [Alias("Complete")] Task<JobState> CompleteAsync(string token, string? outputPath, JobSummary summary, JobProgress progress);

    [Alias("Fail")] Task<JobState> FailAsync(string token, JobError error, JobSummary? summary, JobProgress? progress);

    [Alias("Cancel")] Task<JobState> CancelAsync(string token, JobProgress? progress);

    /// <summary>
    /// A worker recorded <paramref name="result"/> (the record that won): it goes straight to the owner running in this
    /// grain's silo, which then need not read it back from the store.
    /// </summary>
    [Alias("Recorded"), OneWay] Task MiniBatchRecordedAsync(MiniBatchResult result);
}
