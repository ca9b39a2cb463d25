using OrleansBatch.Grains.Domain;
using OrleansBatch.Grains.Providers;
using OrleansBatch.Abstractions;

namespace OrleansBatch.Grains.Domain.Jobs;

/// <summary>
/// The Job grain's commands: pure functions of the current state (the grain re-applies them after losing a
/// write race). Owner commands carry the owning activation's token and refuse to act for a stale owner.
/// </summary>
public static class JobCommands
{
    /// <summary>Creates the job; an existing job of that name is returned unchanged (idempotent create).</summary>
    public static Func<Current<JobState>, Outcome<JobState, JobState>> Create(JobState job) => current =>
        current.State is { } existing ? Outcome<JobState, JobState>.Keep(existing) : Outcome<JobState, JobState>.Write(job, job);

    /// <summary>Makes <paramref name="token"/> (an activation of the job grain) the owner. Terminal jobs are left alone.</summary>
    public static Func<Current<JobState>, Outcome<JobState, JobState>> Claim(string token) => current =>
    {
        var job = Require(current);
        if (job.Status.IsTerminal() || job.OwnerToken == token)
            return Outcome<JobState, JobState>.Keep(job);
        var claimed = job with { OwnerToken = token };
        return Outcome<JobState, JobState>.Write(claimed, claimed);
    };

    /// <summary>Stores the plan and moves a queued job to Running.</summary>
    public static Func<Current<JobState>, Outcome<JobState, JobState>> BeginRunning(string token, JobPlan plan, DateTimeOffset now) => current =>
    {
        var job = Owned(current, token);
        if (job.Status is not (JobStatus.NotStarted or JobStatus.Queued))
            return Outcome<JobState, JobState>.Keep(job);
        var started = Move(job, JobStatus.Running) with { Plan = plan, StartedAt = now, Progress = new JobProgress(Total: plan.MiniBatchCount) };
        return Outcome<JobState, JobState>.Write(started, started);
    };

    /// <summary>Writes the owner's counters; returns the state, so the owner sees a cancel request.</summary>
    public static Func<Current<JobState>, Outcome<JobState, JobState>> Report(string token, JobProgress progress) => current =>
    {
        var job = Owned(current, token);
        if (job.Status.IsTerminal() || job.Progress == progress)
            return Outcome<JobState, JobState>.Keep(job);
        var updated = job with { Progress = progress };
        return Outcome<JobState, JobState>.Write(updated, updated);
    };

    /// <summary>Asks the owner to stop. 409 JobTerminal for a job that has ended; a second request changes nothing.</summary>
    public static Func<Current<JobState>, Outcome<JobState, JobState>> RequestCancel(DateTimeOffset now) => current =>
    {
        var job = Require(current);
        if (job.Status.IsTerminal())
            throw DomainException.Conflict("JobTerminal", $"Job '{job.Name}' has already ended ({job.Status}); only running or queued jobs can be canceled.");
        if (job.Status is JobStatus.CancelRequested or JobStatus.Finalizing)
            return Outcome<JobState, JobState>.Keep(job);
        var requested = Move(job, JobStatus.CancelRequested);
        return Outcome<JobState, JobState>.Write(requested, requested);
    };

    /// <summary>Running -> Finalizing with the final counters; counts finalize attempts so a resumed finalize may replace a partial output.</summary>
    public static Func<Current<JobState>, Outcome<JobState, JobState>> BeginFinalize(string token, JobProgress progress) => current =>
    {
        var job = Owned(current, token);
        if (job.Status is not (JobStatus.Running or JobStatus.Finalizing))
            return Outcome<JobState, JobState>.Keep(job);
        var finalizing = (job.Status == JobStatus.Finalizing ? job : Move(job, JobStatus.Finalizing)) with
        {
            Progress = progress,
            FinalizeAttempts = job.FinalizeAttempts + 1,
        };
        return Outcome<JobState, JobState>.Write(finalizing, finalizing);
    };

    /// <summary>Finalizing -> Completed with the output and summary.</summary>
    public static Func<Current<JobState>, Outcome<JobState, JobState>> Complete(string token, string? outputPath, JobSummary summary, JobProgress progress, DateTimeOffset now) =>
        End(token, JobStatus.Completed, null, outputPath, summary, progress, now);

    /// <summary>Any live status -> Failed with the reason.</summary>
    public static Func<Current<JobState>, Outcome<JobState, JobState>> Fail(string token, JobError error, JobSummary? summary, JobProgress? progress, DateTimeOffset now) =>
        End(token, JobStatus.Failed, error, null, summary, progress, now);

    /// <summary>CancelRequested -> Canceled.</summary>
    public static Func<Current<JobState>, Outcome<JobState, JobState>> Cancel(string token, JobProgress? progress, DateTimeOffset now) =>
        End(token, JobStatus.Canceled, null, null, null, progress, now);

    private static Func<Current<JobState>, Outcome<JobState, JobState>> End(
        string token, JobStatus status, JobError? error, string? outputPath, JobSummary? summary, JobProgress? progress, DateTimeOffset now) => current =>
    {
        var job = Owned(current, token);
        if (job.Status.IsTerminal())
            return Outcome<JobState, JobState>.Keep(job);
        var ended = Move(job, status) with
        {
            EndedAt = now,
            Error = error,
            OutputPath = outputPath,
            Summary = summary,
            Progress = progress ?? job.Progress,
        };
        return Outcome<JobState, JobState>.Write(ended, ended);
    };

    private static JobState Move(JobState job, JobStatus to) =>
        JobStatusRules.CanMove(job.Status, to)
            ? job with { Status = to }
            : throw new InvalidOperationException($"Job {job.Name} cannot move from {job.Status} to {to}.");

    private static JobState Require(Current<JobState> current) =>
        current.State ?? throw DomainException.NotFound("JobNotFound", "No such job.");

    private static JobState Owned(Current<JobState> current, string token)
    {
        var job = Require(current);
        return job.OwnerToken == token ? job : throw new JobOwnershipLostException(job.Name);
    }
}
