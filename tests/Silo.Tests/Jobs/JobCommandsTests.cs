using OrleansBatch.Abstractions.Jobs;
using OrleansBatch.Grains;
using OrleansBatch.Grains.Domain.Jobs;
using OrleansBatch.Grains.Domain;
using OrleansBatch.Grains.Providers;
using OrleansBatch.Abstractions;

namespace OrleansBatch.Silo.Tests.Jobs;

public class JobCommandsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);

    private static JobState NewJob(string name = "job-1") => new(
        name, "acme",
        new JobSpec("ep", "blue", 2, "model", [new JobModelStep("m", 1, "m.onnx")],
            [new JobInput("input", "uri_folder", "/data", [new JobInputFile("a.csv", "/data/a.csv", 10)])],
            new JobOutput("out/predictions.csv", "out", OutputPolicy.Fail), JobSettings.Default),
        JobStatus.Queued, Now);

    private static (TState State, TResult Result) Apply<TState, TResult>(TState? state, Func<Current<TState>, Outcome<TState, TResult>> command)
        where TState : class
    {
        var outcome = command(new Current<TState>(state, state is null ? 0 : 1, null));
        return (outcome.Kind == OutcomeKind.Write ? outcome.State! : state!, outcome.Result);
    }

    [Fact]
    public void Create_is_idempotent_and_keeps_the_first_job()
    {
        var first = NewJob();
        var (state, _) = Apply(null, JobCommands.Create(first));

        var again = JobCommands.Create(first with { Tenant = "other" })(new Current<JobState>(state, 1, null));

        Assert.Equal(OutcomeKind.Keep, again.Kind);
        Assert.Equal("acme", again.Result.Tenant);
    }

    [Fact]
    public void Walks_the_happy_path_through_the_status_machine()
    {
        var plan = MiniBatchPlanner.Plan(NewJob().Spec.Files(), MiniBatchSize.Default);
        var (job, _) = Apply(NewJob(), JobCommands.Claim("t1"));
        (job, _) = Apply(job, JobCommands.BeginRunning("t1", plan, Now));
        Assert.Equal(JobStatus.Running, job.Status);
        Assert.Equal(1, job.Counters.Total);

        (job, _) = Apply(job, JobCommands.BeginFinalize("t1", new JobProgress(1, 1, 1)));
        Assert.Equal(JobStatus.Finalizing, job.Status);
        (job, _) = Apply(job, JobCommands.Complete("t1", "out/predictions.csv", new JobSummary("job-1", "Completed", 1, 1, 0, 3, 0, 3, 1, ["p"]), new JobProgress(1, 1, 1), Now));

        Assert.Equal(JobStatus.Completed, job.Status);
        Assert.Equal(Now, job.EndedAt);
        Assert.Equal("out/predictions.csv", job.OutputPath);
    }

    [Fact]
    public void A_stale_owner_cannot_write()
    {
        var (job, _) = Apply(NewJob(), JobCommands.Claim("old"));
        (job, _) = Apply(job, JobCommands.Claim("new"));

        Assert.Throws<JobOwnershipLostException>(() => JobCommands.Report("old", new JobProgress(5))(new Current<JobState>(job, 2, null)));
    }

    [Fact]
    public void Cancel_moves_a_live_job_and_refuses_a_finished_one()
    {
        var (job, _) = Apply(NewJob(), JobCommands.Claim("t1"));
        (job, _) = Apply(job, JobCommands.RequestCancel(Now));
        Assert.Equal(JobStatus.CancelRequested, job.Status);
        Assert.Equal(OutcomeKind.Keep, JobCommands.RequestCancel(Now)(new Current<JobState>(job, 2, null)).Kind);

        (job, _) = Apply(job, JobCommands.Cancel("t1", null, Now));
        Assert.Equal(JobStatus.Canceled, job.Status);

        var error = Assert.Throws<DomainException>(() => JobCommands.RequestCancel(Now)(new Current<JobState>(job, 3, null)));
        Assert.Equal((409, "JobTerminal"), (error.Status, error.Code));
    }

    [Fact]
    public void Terminal_statuses_allow_no_further_move()
    {
        foreach (var terminal in new[] { JobStatus.Completed, JobStatus.Failed, JobStatus.Canceled })
            foreach (var to in Enum.GetValues<JobStatus>())
                Assert.False(JobStatusRules.CanMove(terminal, to), $"{terminal} -> {to}");
        Assert.False(JobStatusRules.CanMove(JobStatus.Queued, JobStatus.Completed));
        Assert.True(JobStatusRules.CanMove(JobStatus.Running, JobStatus.Failed));
    }

    [Fact]
    public void Error_threshold_counts_failed_items()
    {
        var progress = new JobProgress(Total: 4, Dispatched: 4, Succeeded: 2, Failed: 2, ItemsSucceeded: 10, ItemsFailed: 2);

        Assert.False(progress.ExceedsThreshold(-1));
        Assert.True(progress.ExceedsThreshold(0));
        Assert.True(progress.ExceedsThreshold(1));
        Assert.False(progress.ExceedsThreshold(2));
    }

    [Fact]
    public void Settings_overrides_apply_and_are_validated()
    {
        var settings = JobSettings.Default.With(new JobSettingsOverrides(MiniBatchSize: "10MB", MaxConcurrencyPerInstance: 4, InstanceCount: 2));

        Assert.Equal(new MiniBatchSize(MiniBatchSizeKind.Bytes, 10L << 20), settings.MiniBatchSize);
        Assert.Equal(8, settings.Window);
        Assert.Equal(3, settings.MaxRetries);
        var error = Assert.Throws<DomainException>(() => JobSettings.Default.With(new JobSettingsOverrides(ErrorThreshold: -2, OutputFileName: "../x.csv")));
        Assert.Equal(["settings.error_threshold", "settings.output_file_name"], error.Errors!.Keys.Order());
    }
}
