using Orleans;
using OrleansBatch.Abstractions;
using OrleansBatch.Abstractions.Jobs;
using System.Runtime.CompilerServices;
using OrleansBatch.Grains;
using OrleansBatch.Grains.Domain.Jobs;
using OrleansBatch.Grains.Providers;
using OrleansBatch.Grains.Domain;
using OrleansBatch.Silo.Outputs;
using OrleansBatch.Silo.Telemetry;

namespace OrleansBatch.Silo.Jobs;

/// <summary>
/// The Job grain's calls for gateways: create (idempotent per key for 24 h), read, list newest first,
/// cancel, error report, log and output. Orchestration happens in the silos (<see cref="JobGrain"/>).
/// </summary>
public sealed class JobService(Records records, JobLog log, JobSignals signals, OutputStores outputs, IGrainFactory grains, TimeProvider time)
{
    /// <summary>How long an <c>Idempotency-Key</c> keeps returning the job it created.</summary>
    public static readonly TimeSpan IdempotencyWindow = TimeSpan.FromHours(24);

    /// <summary>The job an <c>Idempotency-Key</c> created within the last 24 h, if any.</summary>
    public async Task<JobState?> FindByIdempotencyKeyAsync(string tenant, string? idempotencyKey, CancellationToken cancellationToken = default, string? requestFingerprint = null)
    {
        if (string.IsNullOrEmpty(idempotencyKey))
            return null;
        var record = await records.ReadAsync<JobIdempotency>(JobKeys.Idempotency(tenant, idempotencyKey), cancellationToken).ConfigureAwait(false);
        if (record.State is not { } first || time.GetUtcNow() - first.CreatedAt >= IdempotencyWindow)
            return null;
        return (await records.ReadAsync<JobState>(JobKeys.Job(tenant, first.JobFor(requestFingerprint)), cancellationToken).ConfigureAwait(false)).State;
    }

    /// <summary>
    /// Creates queued job <paramref name="name"/> (see <see cref="JobKeys.NewJobName"/>) from a resolved spec. With
    /// <paramref name="idempotencyKey"/>, the same key within 24 h returns the first job and creates none, also under races.
    /// </summary>
    public async Task<(JobState Job, bool Created)> CreateAsync(string tenant, string name, JobSpec spec, string? idempotencyKey, CancellationToken cancellationToken = default, string? requestFingerprint = null)
    {
        var now = time.GetUtcNow();
        if (!string.IsNullOrEmpty(idempotencyKey))
        {
            var claimed = name;
            name = await records.ExecuteAsync<JobIdempotency, string>(JobKeys.Idempotency(tenant, idempotencyKey), current =>
                current.State is { } first && now - first.CreatedAt < IdempotencyWindow
                    ? Outcome<JobIdempotency, string>.Keep(first.JobFor(requestFingerprint))
                    : Outcome<JobIdempotency, string>.Write(new JobIdempotency(claimed, now, requestFingerprint), claimed), cancellationToken: cancellationToken).ConfigureAwait(false);
            var existing = await records.ReadAsync<JobState>(JobKeys.Job(tenant, name), cancellationToken).ConfigureAwait(false);
            if (existing.State is { } job)
                return (job, false);
            if (name != claimed)
                return ((await CreateAsync(tenant, name, spec, null, cancellationToken).ConfigureAwait(false)).Job, false);
        }

        // The active-index entry goes first: a job can then never exist without silos finding it.
        await records.ExecuteAsync<ActiveJob, bool>(JobKeys.Active(tenant, name), current =>
            current.Exists ? Outcome<ActiveJob, bool>.Keep(false) : Outcome<ActiveJob, bool>.Write(new ActiveJob(tenant, name, now), true), cancellationToken: cancellationToken).ConfigureAwait(false);
        var queued = new JobState(name, tenant, spec, JobStatus.Queued, now, idempotencyKey, TraceParent: JobTelemetry.CurrentTraceParent());
        await log.WriteAsync(tenant, name, "info", "gateway",
            $"job created on {spec.Endpoint}/{spec.Deployment}@{spec.DeploymentVersion} with {spec.Files().Count} input file(s), mini_batch_size {spec.Settings.MiniBatchSize}, output {spec.Output.Uri}{JobTelemetry.TraceNote(queued)}", cancellationToken).ConfigureAwait(false);
        var created = await grains.JobRecord(tenant, name).CreateAsync(queued).ConfigureAwait(false);
        JobTelemetry.JobReached(created, JobStatus.Queued);
        return (created, true);
    }

    public async Task<JobState> GetAsync(string tenant, string name, CancellationToken cancellationToken = default) =>
        (await records.ReadAsync<JobState>(JobKeys.Job(tenant, name), cancellationToken).ConfigureAwait(false)).State
        ?? throw DomainException.NotFound("JobNotFound", $"Job '{name}' does not exist.");

    /// <summary>
    /// Jobs newest first, <paramref name="top"/> per page. The filter is a query on the job list's index
    /// (<see cref="JobListIndex"/>): the store reads only matching jobs, and the continuation resumes right after the last one.
    /// </summary>
    public async Task<JobPage> ListAsync(string tenant, JobListFilter filter, int top, string? continuation, CancellationToken cancellationToken = default)
    {
        if (filter.QueryFields() is not { } where)
            return new JobPage([], null);
        var page = await records.Store.QueryAsync(
            new GrainQuery(JobKeys.JobType, tenant, "", Math.Clamp(top, 1, 500), continuation, Descending: true, Where: where), cancellationToken).ConfigureAwait(false);
        return new JobPage(page.Items.Select(Records.Deserialize<JobState>).ToList(), page.Continuation);
    }

    /// <summary>Asks the job's owner to stop (202); 409 JobTerminal when it has ended.</summary>
    public async Task<JobState> CancelAsync(string tenant, string name, CancellationToken cancellationToken = default)
    {
        await GetAsync(tenant, name, cancellationToken).ConfigureAwait(false);
        var job = await grains.JobRecord(tenant, name).RequestCancelAsync().ConfigureAwait(false);
        // Workers check this entry before each mini-batch, so they stop picking up the job's work at once.
        await records.ExecuteAsync<ActiveJob, bool>(JobKeys.Active(tenant, name), current =>
            current.State is { } active ? Outcome<ActiveJob, bool>.Write(active with { CancelRequested = true }, true) : Outcome<ActiveJob, bool>.Keep(false),
            cancellationToken: cancellationToken).ConfigureAwait(false);
        await log.WriteAsync(tenant, name, "info", "gateway", "cancel requested", cancellationToken).ConfigureAwait(false);
        return job;
    }

    /// <summary>
    /// The per-item error report, in mini-batch order. Scorers number rows within their slice; the report
    /// adds each file's running row base (as the joiner does), so rows are the file's own row numbers.
    /// </summary>
    public async IAsyncEnumerable<JobItemError> ErrorsAsync(string tenant, string name, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var files = (await GetAsync(tenant, name, cancellationToken).ConfigureAwait(false)).Spec.Files();
        var rowBase = new long[files.Count];
        await foreach (var result in ResultsAsync(tenant, name, cancellationToken).ConfigureAwait(false))
        {
            foreach (var error in result.Errors)
            {
                var segment = result.Segments.FirstOrDefault(s => s.FileIndex < files.Count && files[s.FileIndex].FileName == error.FileName);
                yield return segment is not null ? error.ShiftedBy(rowBase[segment.FileIndex]) : error;
            }
            foreach (var segment in result.Segments.Where(s => s.FileIndex < files.Count))
                rowBase[segment.FileIndex] += segment.Rows;
        }
    }

    /// <summary>
    /// The recorded mini-batch results in index order: where each was scored (<see cref="MiniBatchResult.Worker"/>,
    /// <c>worker@silo</c>), its attempts, duration and items. The dashboard's per-silo view reads them.
    /// </summary>
    public async IAsyncEnumerable<MiniBatchResult> MiniBatchResultsAsync(string tenant, string name, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await GetAsync(tenant, name, cancellationToken).ConfigureAwait(false);
        await foreach (var result in ResultsAsync(tenant, name, cancellationToken).ConfigureAwait(false))
            yield return result;
    }

    private async IAsyncEnumerable<MiniBatchResult> ResultsAsync(string tenant, string name, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? continuation = null;
        do
        {
            var page = await records.Store.QueryAsync(new GrainQuery(JobKeys.ResultType, tenant, JobKeys.ResultPrefix(name), 500, continuation), cancellationToken).ConfigureAwait(false);
            foreach (var result in page.Items.Select(Records.Deserialize<MiniBatchResult>))
                yield return result;
            continuation = page.Continuation;
        } while (continuation is not null);
    }

    /// <summary>The log as text lines; with <paramref name="follow"/>, keeps yielding new lines until the job has ended.</summary>
    public async IAsyncEnumerable<string> LogAsync(string tenant, string name, bool follow, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await GetAsync(tenant, name, cancellationToken).ConfigureAwait(false);
        var seen = 0;
        while (true)
        {
            var job = await GetAsync(tenant, name, cancellationToken).ConfigureAwait(false);
            var ended = job.Status.IsTerminal();
            var index = 0;
            await foreach (var entry in log.ReadAsync(tenant, name, cancellationToken).ConfigureAwait(false))
            {
                if (index++ >= seen)
                {
                    seen++;
                    if (job.Spec.Settings.Logs(entry.Level))
                        yield return entry.Format();
                }
            }
            if (!follow || ended)
                yield break;
            await signals.WaitAsync(JobSignals.JobTopic(tenant, name), TimeSpan.FromMilliseconds(500), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Opens the job's output (the <c>append_row</c> file or the summary). 409 OutputNotReady before the job completed.</summary>
    public async Task<(Stream Content, string FileName, string ContentType)> OpenOutputAsync(string tenant, string name, CancellationToken cancellationToken = default)
    {
        var job = await GetAsync(tenant, name, cancellationToken).ConfigureAwait(false);
        if (job.Status != JobStatus.Completed || job.OutputPath is null)
            throw DomainException.Conflict("OutputNotReady", $"Job '{name}' is {job.Status}; its output is there once it has Completed.");
        try
        {
            var (store, path) = outputs.Resolve(job.OutputPath);
            var stream = await store.OpenReadAsync(path, cancellationToken).ConfigureAwait(false);
            var fileName = path[(path.LastIndexOf('/') + 1)..];
            return (stream, fileName, fileName.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? "application/json"
                : job.Spec.Settings.WritesParquet ? "application/vnd.apache.parquet" : "text/csv");
        }
        catch (FileNotFoundException)
        {
            throw DomainException.NotFound("OutputNotFound", $"The output of job '{name}' ({job.Spec.Output.Uri}) is gone: it was deleted or replaced.");
        }
    }
}
