using OrleansBatch.Abstractions.Jobs;
using System.Text;
using System.Text.Json;
using Orleans;
using Orleans.Runtime;
using OrleansBatch.Abstractions;
using Microsoft.Extensions.Logging;
using OrleansBatch.Grains;
using OrleansBatch.Grains.Domain.Jobs;
using OrleansBatch.Grains.Providers;
using OrleansBatch.Grains.Domain;
using OrleansBatch.Silo.Inputs;
using OrleansBatch.Silo.Outputs;
using OrleansBatch.Silo.Telemetry;
using OrleansBatch.Silo.Workers;
using EarlyStaging = (System.Threading.Tasks.Task Task, int Next, long[] RowBase);

namespace OrleansBatch.Silo.Jobs;

/// <summary>
/// Runs one job for its <see cref="JobGrain"/>: plans it, dispatches mini-batches to mini-batch grains with flow control
/// (at most <c>instance_count x max_concurrency_per_instance</c> outstanding; each silo shares its slots fairly between
/// tenants), watches results, enforces <c>error_threshold</c>, handles cancel and finalizes. A mini-batch whose silo
/// left the cluster, or that has no result long after its attempts could have ended, is sent again (the first record
/// wins). Everything it knows is persisted (the plan, the dispatch watermark in the counters, one result record per
/// mini-batch), so a new owner resumes.
/// </summary>
public sealed class JobOrchestrator(
    Records records, IArtifactStore artifacts, SliceFiles sliceFiles, OutputStores outputs, JobLog log, JobSignals signals, MiniBatchInbox inbox,
    IGrainFactory grains, IClusterMembershipService membership, JobOptions options, TimeProvider time, ILogger<JobOrchestrator> logger)
{
    /// <summary>Extra wait, beyond its own attempts and timeouts, before a mini-batch without a result is sent again.</summary>
    private static readonly TimeSpan ResendGrace = TimeSpan.FromSeconds(30);

    /// <summary>Whether the job is still live (its entry in the index of live jobs exists).</summary>
    public async Task<bool> IsLiveAsync(string tenant, string name, CancellationToken cancellationToken) =>
        (await records.ReadAsync<ActiveJob>(JobKeys.Active(tenant, name), cancellationToken).ConfigureAwait(false)).Exists;

    private string Source => $"owner@{options.SiloId}";

    public async Task RunAsync(string tenant, string name, string token, CancellationToken cancellationToken)
    {
        using var scope = JobTelemetry.BeginJobScope(logger, tenant, name);
        var record = grains.JobRecord(tenant, name);
        var job = await record.ClaimAsync(token).ConfigureAwait(false);
        using var run = JobTelemetry.StartRun(job, options.SiloId);
        if (job.Status.IsTerminal())
        {
            await RemoveActiveAsync(tenant, name, cancellationToken).ConfigureAwait(false);
            return;
        }
        if (job.Plan is null && job.Status != JobStatus.CancelRequested)
        {
            JobPlan plan;
            try
            {
                plan = await PlanAsync(job.Spec, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is DomainException or IOException or UnauthorizedAccessException or Azure.RequestFailedException)
            {
                await EndAsync(job, r => r.FailAsync(token, new JobError("InputNotFound", "Planning failed: " + e.Message), null, null), "error", "job failed: " + e.Message, cancellationToken).ConfigureAwait(false);
                return;
            }
            job = await record.BeginRunningAsync(token, plan).ConfigureAwait(false);
            JobTelemetry.JobReached(job, JobStatus.Running);
            await LogAsync(job, "info", $"running on deployment {job.Spec.Deployment}@{job.Spec.DeploymentVersion}: {plan.Note}; window {job.Spec.Settings.Window} mini-batches", cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await LogAsync(job, "info", $"owner {options.SiloId} took over the job ({job.Status}, {job.Counters.Done}/{job.Counters.Total} mini-batches done)", cancellationToken).ConfigureAwait(false);
        }

        if (job.Status == JobStatus.CancelRequested || job.Plan is null)
        {
            await CancelAsync(job, token, job.Counters, cancellationToken).ConfigureAwait(false);
            return;
        }

        var results = await LoadResultsAsync(tenant, name, cancellationToken).ConfigureAwait(false);
        // The ordered join overlaps scoring: the recorded prefix of mini-batches is staged while the rest run. A
        // resumed owner restages from 0 (block ids are fixed per mini-batch, so that is idempotent).
        var staging = new EarlyStaging(Task.CompletedTask, 0, new long[job.Spec.Files().Count]);
        if (job.Status == JobStatus.Running)
        {
            (job, staging) = await WatchAsync(job, token, results, staging, cancellationToken).ConfigureAwait(false);
            if (job.Status != JobStatus.Running)
            {
                await ObserveAsync(staging.Task).ConfigureAwait(false);
                return;
            }
        }
        await FinalizeAsync(job, token, results, staging, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Plans the job; for "n rows" sizes the first 64 KB of each tabular file (wherever it is stored) give its bytes per row.</summary>
    private async Task<JobPlan> PlanAsync(JobSpec spec, CancellationToken cancellationToken)
    {
        using var step = JobTelemetry.StartStep("job.plan");
        var files = spec.Files();
        var perRow = new Dictionary<int, double>();
        if (spec.Settings.MiniBatchSize.Kind == MiniBatchSizeKind.Rows)
        {
            for (var f = 0; f < files.Count; f++)
            {
                if (TabularFiles.IsTabular(files[f].FileName))
                    perRow[f] = await sliceFiles.BytesPerRowAsync(files[f], cancellationToken).ConfigureAwait(false);
            }
        }
        return MiniBatchPlanner.Plan(files, spec.Settings.MiniBatchSize, f => perRow[f]);
    }

    /// <summary>Dispatches and collects until every mini-batch has a result; returns the job as last written (Running when done).</summary>
    private async Task<(JobState Job, EarlyStaging Staging)> WatchAsync(
        JobState job, string token, Dictionary<int, MiniBatchResult> results, EarlyStaging staging, CancellationToken cancellationToken)
    {
        var plan = job.Plan!;
        var files = job.Spec.Files();
        var window = job.Spec.Settings.Window;
        var dispatched = Math.Max(job.Counters.Dispatched, results.Count == 0 ? 0 : results.Keys.Max() + 1);
        // Everything below the watermark without a result is still on the queue (at-least-once), or is re-sent by this loop if it was never acknowledged.
        var outstanding = new SortedSet<int>(Enumerable.Range(0, dispatched).Where(i => !results.ContainsKey(i)));
        // When each outstanding mini-batch was sent; a resumed owner sends what was outstanding again at once.
        var sentAt = outstanding.ToDictionary(i => i, _ => 0L);
        // A resumed owner's last counters may lag its predecessor by up to a window of sendings: those go as sent again.
        var maybeSentBefore = dispatched > 0 ? dispatched + window : 0;
        var silos = membership.CurrentSnapshot;
        var resendAfter = TimeSpan.FromSeconds(job.Spec.Settings.TimeoutSeconds * (job.Spec.Settings.MaxRetries + 1.0)) + options.RetryBackoff * (job.Spec.Settings.MaxRetries + 1) + ResendGrace;
        var topic = JobSignals.JobTopic(job.Tenant, job.Name);
        var reported = job.Counters;
        // Counted as results arrive (recounting every result at every arrival would be quadratic in the mini-batches).
        var tally = Count(plan.MiniBatchCount, 0, results);
        var lastReport = time.GetTimestamp();
        var progressCheckpoint = 0;
        using var box = inbox.Open(job.Tenant, job.Name);
        var lastScan = 0L;

        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            while (outstanding.Count < window && dispatched < plan.MiniBatchCount)
            {
                await SendAsync(job, plan, files, dispatched, resent: dispatched < maybeSentBefore, cancellationToken).ConfigureAwait(false);
                sentAt[dispatched] = time.GetTimestamp();
                outstanding.Add(dispatched++);
            }

            // A silo left (died or shut down): what it held is lost, and sending again lands the rest on the activations
            // that still hold them. Otherwise only what has waited longer than its attempts could take is sent again.
            var latest = membership.CurrentSnapshot;
            var siloLeft = latest.Version != silos.Version && silos.Members.Keys.Any(s => latest.GetSiloStatus(s) != SiloStatus.Active);
            silos = latest;
            foreach (var index in outstanding.Where(i => siloLeft || sentAt.GetValueOrDefault(i) == 0 || time.GetElapsedTime(sentAt[i]) > resendAfter).ToList())
            {
                await SendAsync(job, plan, files, index, resent: true, cancellationToken).ConfigureAwait(false);
                sentAt[index] = time.GetTimestamp();
            }

            // Results come with the workers' calls; the store is read for the others at every poll, which finds what a
            // lost call did not bring (a worker that stopped after recording, a call to a job grain that has moved).
            var found = box.Take();
            if (time.GetElapsedTime(lastScan) >= options.ResultPollInterval)
            {
                lastScan = time.GetTimestamp();
                foreach (var index in outstanding.Except(found.Select(r => r.Index)).ToList())
                {
                    if ((await records.ReadAsync<MiniBatchResult>(JobKeys.Result(job.Tenant, job.Name, index), cancellationToken).ConfigureAwait(false)).State is { } stored)
                        found.Add(stored);
                }
            }

            var arrived = 0;
            foreach (var result in found)
            {
                var index = result.Index;
                if (!outstanding.Remove(index))
                    continue;
                arrived++;
                sentAt.Remove(index);
                results[index] = result;
                tally = tally.Add(result);
                if (!result.Succeeded)
                    await LogAsync(job, "warning", $"mini-batch {index} failed after {result.Attempts} attempt(s): {result.Errors.FirstOrDefault()?.Message}", cancellationToken).ConfigureAwait(false);
                else if (job.Spec.Settings.LogsDebug)
                    await LogAsync(job, "debug", $"mini-batch {index} done by {result.Worker}: {result.ItemsSucceeded} scored, {result.ItemsFailed} failed, {result.DurationMs:0} ms", cancellationToken).ConfigureAwait(false);
            }

            staging = StagePrefix(job, files, results, staging, cancellationToken);

            var progress = tally with { Dispatched = Math.Max(dispatched, tally.Done) };
            var allDone = progress.Done == plan.MiniBatchCount;
            if (progress != reported && (allDone || time.GetElapsedTime(lastReport) >= options.ProgressInterval || reported.Dispatched == 0))
            {
                job = await grains.JobRecord(job.Tenant, job.Name).ReportAsync(token, progress).ConfigureAwait(false);
                reported = progress;
                lastReport = time.GetTimestamp();
                var checkpoint = (int)(progress.Percent / 10);
                if (checkpoint > progressCheckpoint && !allDone)
                {
                    progressCheckpoint = checkpoint;
                    await LogAsync(job, "info", $"{progress.Done}/{progress.Total} mini-batches done ({progress.Percent}%), {progress.ItemsSucceeded} items scored, {progress.ItemsFailed} failed", cancellationToken).ConfigureAwait(false);
                }
            }
            else if (time.GetElapsedTime(lastReport) >= TimeSpan.FromSeconds(2))
            {
                // Nothing new: still read the job now and then to notice a cancel request.
                job = await grains.JobRecord(job.Tenant, job.Name).ReadAsync().ConfigureAwait(false) ?? job;
                lastReport = time.GetTimestamp();
            }

            if (job.Status == JobStatus.CancelRequested)
            {
                await CancelAsync(job, token, progress, cancellationToken).ConfigureAwait(false);
                return (job with { Status = JobStatus.Canceled }, staging);
            }
            if (progress.Failure(job.Spec.Settings.ErrorThreshold, job.Name) is { } failure)
            {
                await EndAsync(job, r => r.FailAsync(token, failure, Summarize(job, "Failed", progress, results), progress), "error", "job failed: " + failure.Message, cancellationToken).ConfigureAwait(false);
                return (job with { Status = JobStatus.Failed }, staging);
            }
            if (allDone)
                return (job with { Progress = progress }, staging);

            // Results came in: refill the window at once; otherwise wait for a worker here to signal, or poll.
            if (arrived == 0)
                await signals.WaitAsync(topic, options.ResultPollInterval, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// When the last staging round is done, hands the next run of recorded mini-batches (the contiguous prefix beyond
    /// what is staged) to a background round; never waits, so dispatch and refill go on. Summary-only jobs stage nothing.
    /// </summary>
    private EarlyStaging StagePrefix(JobState job, IReadOnlyList<JobInputFile> files, Dictionary<int, MiniBatchResult> results, EarlyStaging staging, CancellationToken cancellationToken)
    {
        // A failed round stays as it is: finalize awaits it and reports the error.
        if (job.Spec.Settings.OutputAction != OutputAction.AppendRow || !staging.Task.IsCompletedSuccessfully)
            return staging;
        var end = staging.Next;
        while (results.ContainsKey(end))
            end++;
        // A round ends on a block boundary (small parts share blocks): the rest waits for the next round.
        end = OutputJoiner.RoundEnd(staging.Next, end, job.Plan!.MiniBatchCount, i => results[i]);
        if (end == staging.Next)
            return staging;
        var parts = Enumerable.Range(staging.Next, end - staging.Next).Select(i => results[i]).ToList();
        // The round holds the parts it stages; the owner keeps only their manifests (an empty inline text still marks a
        // small part, which is all the commit's block list needs), so a job of many small mini-batches does not keep
        // every part's text in memory.
        foreach (var part in parts.Where(p => p.InlinePart is { Length: > 0 }))
            results[part.Index] = part with { InlinePart = "" };
        var rowBase = staging.RowBase;
        var task = Task.Run(async () =>
        {
            using var step = JobTelemetry.StartStep("job.join");
            var (store, path) = outputs.Resolve(job.Spec.Output.Path);
            var joined = job.Spec.Settings.WritesParquet ? ParquetOutput.JoinPath(path) : path;
            await new OutputJoiner(artifacts, store).StagePartsAsync(joined, parts, files, rowBase, cancellationToken).ConfigureAwait(false);
        }, cancellationToken);
        return new EarlyStaging(task, end, rowBase);
    }

    /// <summary>Waits for a background staging round of a job that will not commit; its blocks stay uncommitted (no output file).</summary>
    private static async Task ObserveAsync(Task staging)
    {
        try
        {
            await staging.ConfigureAwait(false);
        }
        catch (Exception)
        {
            // Nothing is committed for this job, so a staging error does not matter any more.
        }
    }

    private async Task FinalizeAsync(JobState job, string token, Dictionary<int, MiniBatchResult> results, EarlyStaging staging, CancellationToken cancellationToken)
    {
        using var step = JobTelemetry.StartStep("job.finalize");
        var progress = Count(job.Plan!.MiniBatchCount, job.Plan.MiniBatchCount, results);
        job = await grains.JobRecord(job.Tenant, job.Name).BeginFinalizeAsync(token, progress).ConfigureAwait(false);
        if (job.Status != JobStatus.Finalizing)
        {
            await ObserveAsync(staging.Task).ConfigureAwait(false);
            return;
        }
        var ordered = Enumerable.Range(0, job.Plan!.MiniBatchCount).Select(i => results[i]).ToList();
        string outputPath;
        try
        {
            if (job.Spec.Settings.OutputAction == OutputAction.AppendRow)
            {
                await LogAsync(job, "info", $"all {job.Plan.MiniBatchCount} mini-batches done; joining the output in input order", cancellationToken).ConfigureAwait(false);
                // A resumed finalize may find its own earlier, partial commit: replace it.
                var overwrite = job.Spec.Output.Policy == OutputPolicy.Overwrite || job.FinalizeAttempts > 1;
                var (store, path) = outputs.Resolve(job.Spec.Output.Path);
                var joiner = new OutputJoiner(artifacts, store);
                using var join = JobTelemetry.StartStep("job.join");
                // A Parquet output is joined as CSV beside it, then converted (ParquetOutput says why).
                var joined = job.Spec.Settings.WritesParquet ? ParquetOutput.JoinPath(path) : path;
                // What scoring left unstaged (all of it for a resumed finalize), then the header and the block list in order.
                await staging.Task.ConfigureAwait(false);
                await joiner.StagePartsAsync(joined, ordered.Skip(staging.Next).ToList(), job.Spec.Files(), staging.RowBase, cancellationToken).ConfigureAwait(false);
                var rows = await joiner.CommitAsync(joined, ordered, overwrite || job.Spec.Settings.WritesParquet, cancellationToken).ConfigureAwait(false);
                if (job.Spec.Settings.WritesParquet)
                    await ParquetOutput.ConvertAsync(store, joined, path, job.Spec.Settings.PassthroughColumns ?? [], overwrite, cancellationToken).ConfigureAwait(false);
                progress = progress with { RowsWritten = rows };
                outputPath = job.Spec.Output.Path;
            }
            else
            {
                outputPath = JobKeys.SummaryPath(job.Tenant, job.Name);
            }
        }
        catch (Exception e) when (e is IOException or Azure.RequestFailedException or DomainException)
        {
            await EndAsync(job, r => r.FailAsync(token, new JobError("OutputFailed", $"Writing the output {job.Spec.Output.Uri} failed: {e.Message}"), Summarize(job, "Failed", progress, results), progress), "error", "job failed: " + e.Message, cancellationToken).ConfigureAwait(false);
            return;
        }

        var summary = Summarize(job, "Completed", progress, results);
        await using (var summaryStream = new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(summary, Records.Json)))
            await artifacts.WriteAsync(JobKeys.SummaryPath(job.Tenant, job.Name), summaryStream, overwrite: true, cancellationToken).ConfigureAwait(false);
        await EndAsync(job, r => r.CompleteAsync(token, outputPath, summary, progress), "info",
            $"job completed: {progress.ItemsSucceeded} items scored, {progress.ItemsFailed} failed, {progress.RowsWritten} rows written to {job.Spec.Output.Uri}", cancellationToken).ConfigureAwait(false);
        foreach (var result in ordered.Where(r => r.PartPath is not null))
            await artifacts.DeleteAsync(result.PartPath!, cancellationToken).ConfigureAwait(false);
    }

    private async Task CancelAsync(JobState job, string token, JobProgress progress, CancellationToken cancellationToken) =>
        await EndAsync(job, r => r.CancelAsync(token, progress), "info", $"job canceled after {progress.Done}/{progress.Total} mini-batches", cancellationToken).ConfigureAwait(false);

    private async Task EndAsync(JobState job, Func<IJobStateGrain, Task<JobState>> end, string level, string message, CancellationToken cancellationToken)
    {
        var ended = await end(grains.JobRecord(job.Tenant, job.Name)).ConfigureAwait(false);
        await LogAsync(ended, level, message, cancellationToken).ConfigureAwait(false);
        JobTelemetry.JobReached(ended, ended.Status);
        await RemoveActiveAsync(job.Tenant, job.Name, cancellationToken).ConfigureAwait(false);
        JobLogMessages.JobEnded(logger, job.Tenant, job.Name, ended.Status);
    }

    /// <summary>Sends mini-batch <paramref name="index"/> to its grain; <paramref name="resent"/> when it may have been sent before (its worker then looks for a record first).</summary>
    private async Task SendAsync(JobState job, JobPlan plan, IReadOnlyList<JobInputFile> files, int index, bool resent, CancellationToken cancellationToken)
    {
        var slices = plan.SlicesOf(index, files)
            .Select(s => new MiniBatchWorkSlice(s.FileIndex, files[s.FileIndex].FileName, files[s.FileIndex].Path, files[s.FileIndex].InArtifactStore, s.Offset, s.Length))
            .ToList();
        var spec = job.Spec;
        var work = new MiniBatchWork(job.Tenant, job.Name, index, spec.Endpoint, spec.Deployment, spec.DeploymentVersion, spec.DeploymentType, spec.Steps,
            slices, spec.Settings.MaxRetries, spec.Settings.TimeoutSeconds, spec.Settings.LogsDebug, spec.Settings.InputColumns, spec.Settings.PassthroughColumns, spec.Settings.Image, resent);
        cancellationToken.ThrowIfCancellationRequested();
        TenantContext.Set(job.Tenant);
        await grains.GetGrain<IMiniBatchGrain>(GrainKeys.Of(job.Tenant, job.Name, index.ToString(System.Globalization.CultureInfo.InvariantCulture))).ScoreAsync(work).ConfigureAwait(false);
    }

    private async Task<Dictionary<int, MiniBatchResult>> LoadResultsAsync(string tenant, string name, CancellationToken cancellationToken)
    {
        var results = new Dictionary<int, MiniBatchResult>();
        string? continuation = null;
        do
        {
            var page = await records.Store.QueryAsync(new GrainQuery(JobKeys.ResultType, tenant, JobKeys.ResultPrefix(name), 1000, continuation), cancellationToken).ConfigureAwait(false);
            foreach (var record in page.Items)
            {
                var result = Records.Deserialize<MiniBatchResult>(record);
                results[result.Index] = result;
            }
            continuation = page.Continuation;
        } while (continuation is not null);
        return results;
    }

    private static JobProgress Count(int total, int dispatched, Dictionary<int, MiniBatchResult> results)
    {
        var counted = results.Values.Aggregate(new JobProgress(total), (progress, result) => progress.Add(result));
        return counted with { Dispatched = Math.Max(dispatched, results.Count) };
    }

    private JobSummary Summarize(JobState job, string status, JobProgress progress, Dictionary<int, MiniBatchResult> results) => new(
        job.Name, status, progress.Total, progress.Succeeded, progress.Failed, progress.ItemsSucceeded, progress.ItemsFailed, progress.RowsWritten,
        Math.Round(((time.GetUtcNow()) - (job.StartedAt ?? job.CreatedAt)).TotalSeconds, 3),
        results.Values.FirstOrDefault(r => r.Succeeded && r.Columns.Count > 0)?.Columns ?? []);

    private async Task RemoveActiveAsync(string tenant, string name, CancellationToken cancellationToken) =>
        await records.ExecuteAsync<ActiveJob, bool>(JobKeys.Active(tenant, name), _ => Outcome<ActiveJob, bool>.Delete(true), cancellationToken: cancellationToken).ConfigureAwait(false);

    private Task LogAsync(JobState job, string level, string message, CancellationToken cancellationToken) =>
        log.WriteAsync(job.Tenant, job.Name, level, Source, message, cancellationToken);
}
