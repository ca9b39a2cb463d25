using Microsoft.Extensions.Logging;
using Orleans;
using Orleans.Runtime;
using Orleans.Timers;
using OrleansBatch.Abstractions;
using OrleansBatch.Abstractions.Jobs;
using OrleansBatch.Grains;
using OrleansBatch.Grains.Domain;
using OrleansBatch.Grains.Domain.Jobs;
using OrleansBatch.Grains.Providers;

namespace OrleansBatch.Silo.Jobs;

/// <summary>
/// A job (keyed <c>tenant/job</c>): its record is the grain's Orleans state (<see cref="IJobStateGrain"/>, one
/// <see cref="JobCommands"/> rule per call, copied to the query store for lists), and while the job is live the
/// activation runs the <see cref="JobOrchestrator"/> off the grain's scheduler (it changes the record through this grain's
/// calls) and watches it from a keep-alive timer. A reminder brings the job back on another silo when this one dies
/// (the membership listener, <see cref="JobResumer"/>, does it sooner); the orchestrator resumes from what is persisted.
/// A second activation during a membership change claims the job with its own token, and the first one's next write
/// finds it lost.
/// </summary>
public sealed class JobGrain(
    [PersistentState("job", StorageNames.Grains)] IPersistentState<StoredState<JobState>> state, IGrainStateStore catalog, TimeProvider time,
    JobOrchestrator orchestrator, MiniBatchInbox inbox, JobOptions options, ILogger<JobGrain> logger)
    : ResourceGrain<JobState>(state, catalog, time), IJobGrain, IJobStateGrain, IRemindable
{
    private const string OwnerReminder = "owner";
    private static readonly TimeSpan ReminderPeriod = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan TickPeriod = TimeSpan.FromSeconds(5);

    private readonly string _token = $"{options.SiloId}/{Guid.NewGuid():N}";
    private CancellationTokenSource? _stop;
    private Task? _running;
    private IGrainTimer? _tick;
    private bool _lost;

    private string Name => Names[0];

    protected override StateKey CatalogKey => JobKeys.Job(Tenant, Name);

    public async Task StartAsync()
    {
        await this.RegisterOrUpdateReminder(OwnerReminder, ReminderPeriod, ReminderPeriod);
        EnsureRunning();
    }

    public async Task<JobState> CreateAsync(JobState job)
    {
        var created = await ExecuteAsync(JobCommands.Create(job));
        await StartAsync();
        return created;
    }

    public Task<JobState> RequestCancelAsync() => ExecuteAsync(JobCommands.RequestCancel(Time.GetUtcNow()));

    public Task<JobState> ClaimAsync(string token) => ExecuteAsync(JobCommands.Claim(token));

    public Task<JobState> BeginRunningAsync(string token, JobPlan plan) => ExecuteAsync(JobCommands.BeginRunning(token, plan, Time.GetUtcNow()));

    public Task<JobState> ReportAsync(string token, JobProgress progress) => ExecuteAsync(JobCommands.Report(token, progress));

    public Task<JobState?> ReadAsync() => Task.FromResult(Current.State);

    public Task<JobState> BeginFinalizeAsync(string token, JobProgress progress) => ExecuteAsync(JobCommands.BeginFinalize(token, progress));

    public Task<JobState> CompleteAsync(string token, string? outputPath, JobSummary summary, JobProgress progress) =>
        ExecuteAsync(JobCommands.Complete(token, outputPath, summary, progress, Time.GetUtcNow()));

    public Task<JobState> FailAsync(string token, JobError error, JobSummary? summary, JobProgress? progress) =>
        ExecuteAsync(JobCommands.Fail(token, error, summary, progress, Time.GetUtcNow()));

    public Task<JobState> CancelAsync(string token, JobProgress? progress) =>
        ExecuteAsync(JobCommands.Cancel(token, progress, Time.GetUtcNow()));

    public Task MiniBatchRecordedAsync(MiniBatchResult result)
    {
        inbox.Post(Tenant, Name, result);
        return Task.CompletedTask;
    }

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        EnsureRunning();
        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        // Shutting down or collected: stop at once; whoever activates the job next resumes it from storage.
        if (_stop is not null)
            await _stop.CancelAsync();
        if (_running is not null)
            await Task.WhenAny(_running, Task.Delay(TimeSpan.FromSeconds(5), cancellationToken));
        _tick?.Dispose();
    }

    private void EnsureRunning()
    {
        _tick ??= this.RegisterGrainTimer(TickAsync, new GrainTimerCreationOptions(TickPeriod, TickPeriod) { Interleave = true, KeepAlive = true });
        if (_running is { IsCompleted: false })
            return;
        _stop?.Dispose();
        _stop = new CancellationTokenSource();
        var stop = _stop.Token;
        var (tenant, name) = (Tenant, Name);
        // Off the grain's scheduler: the orchestrator awaits storage and other grains in a long loop.
        _running = Task.Run(async () =>
        {
            TenantContext.Set(tenant);
            JobLogMessages.Owning(logger, options.SiloId, tenant, name);
            try
            {
                await orchestrator.RunAsync(tenant, name, _token, stop);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
            }
            catch (Grains.Domain.Jobs.JobOwnershipLostException)
            {
                _lost = true;
                JobLogMessages.OwnershipLost(logger, options.SiloId, tenant, name);
            }
            catch (Exception e)
            {
                JobLogMessages.OwnerFailed(logger, e, tenant, name);
            }
        }, CancellationToken.None);
    }

    /// <summary>Keeps the activation while the job runs; once it has ended, drops the reminder and the activation.</summary>
    private async Task TickAsync(CancellationToken cancellationToken)
    {
        if (_running is not { IsCompleted: true })
            return;
        if (_lost)
        {
            // Another activation owns the job now: leave it to that one (the reminder stays).
            this.DeactivateOnIdle();
            return;
        }
        if (await orchestrator.IsLiveAsync(Tenant, Name, cancellationToken))
        {
            EnsureRunning();
            return;
        }
        if (await this.GetReminder(OwnerReminder) is { } reminder)
            await this.UnregisterReminder(reminder);
        _tick?.Dispose();
        _tick = null;
        this.DeactivateOnIdle();
    }
}
