using OrleansBatch.Abstractions.Jobs;
using System.Diagnostics;
using Orleans;
using OrleansBatch.Abstractions;
using OrleansBatch.Grains.Domain.Jobs;
using OrleansBatch.Grains.Providers;
using OrleansBatch.Grains.Domain;
using OrleansBatch.Scoring;
using OrleansBatch.Silo.Inputs;
using OrleansBatch.Silo.Jobs;
using OrleansBatch.Silo.Telemetry;

namespace OrleansBatch.Silo.Workers;

/// <summary>
/// Scores one mini-batch in this silo: a timeout per attempt and up to <c>max_retries</c> retries, its output part
/// written (inline when small), the result recorded (the first record wins, so a mini-batch sent twice changes
/// nothing), and the job's owner told. A mini-batch of a canceled or ended job is skipped, and so is one sent again that is already recorded (its owner is told again).
/// </summary>
public sealed class MiniBatchRunner(
    Records records, IArtifactStore artifacts, IScorerFactory scorers, JobLog log, IGrainFactory grains,
    JobOptions options, SliceFiles sliceFiles, ModelFiles modelFiles, ScoringThreads threads, TimeProvider time)
{
    public async Task RunAsync(MiniBatchWork work, CancellationToken stoppingToken)
    {
        var resultId = JobKeys.Result(work.Tenant, work.Job, work.Index);
        var active = await records.ReadAsync<ActiveJob>(JobKeys.Active(work.Tenant, work.Job), stoppingToken).ConfigureAwait(false);
        // The job ended or was canceled.
        if (active.State is null or { CancelRequested: true })
            return;
        // Sent again: an earlier sending may have recorded it already; the owner is told again (it may not have heard).
        if (work.Resent && (await records.ReadAsync<MiniBatchResult>(resultId, stoppingToken).ConfigureAwait(false)).State is { } recorded)
        {
            await TellOwnerAsync(work, recorded).ConfigureAwait(false);
            return;
        }

        var worker = $"worker@{options.SiloId}";
        var result = await ScoreAsync(work, worker, stoppingToken).ConfigureAwait(false);
        JobTelemetry.MiniBatchRecorded(work, result);
        var winner = await records.CreateFirstAsync(resultId, result, stoppingToken).ConfigureAwait(false);
        if (!ReferenceEquals(winner, result) && result.PartPath is not null && winner.PartPath != result.PartPath)
            await artifacts.DeleteAsync(result.PartPath, stoppingToken).ConfigureAwait(false);
        await TellOwnerAsync(work, winner).ConfigureAwait(false);
    }

    /// <summary>Hands the recorded result to the job's owner (a one-way call to the job's grain, in the owner's silo).</summary>
    private Task TellOwnerAsync(MiniBatchWork work, MiniBatchResult recorded) => grains.JobRecord(work.Tenant, work.Job).MiniBatchRecordedAsync(recorded);

    private async Task<MiniBatchResult> ScoreAsync(MiniBatchWork work, string worker, CancellationToken stoppingToken)
    {
        var started = Stopwatch.GetTimestamp();
        var attempts = work.MaxRetries + 1;
        for (var attempt = 1; attempt <= attempts; attempt++)
        {
            try
            {
                using var scoring = JobTelemetry.StartScoring(work, attempt);
                var modelPaths = new List<string>(work.Steps.Count);
                foreach (var step in work.Steps)
                    modelPaths.Add(await modelFiles.GetLocalPathAsync(step.ArtifactPath, stoppingToken).ConfigureAwait(false));
                var image = work.Image is { } i ? new ImageSettings(i.Resize, i.Scale, i.Mean, i.Std) : null;
                var scorer = scorers.GetOrCreate(new ScorerSpec($"{work.Tenant}/{work.Endpoint}/{work.Deployment}@{work.DeploymentVersion}", modelPaths,
                    TabularColumns.Of(work.InputColumns, work.PassthroughColumns), Image: image));
                // Inputs in blobs are fetched (only the slice's bytes) into temporary files for the scorer.
                using var staged = await sliceFiles.StageAsync(work, stoppingToken).ConfigureAwait(false);
                var outcome = await MiniBatchAttempt.RunAsync(threads, scorer, work, slice => staged[IndexOf(work, slice)], attempt, TimeSpan.FromSeconds(work.TimeoutSeconds), stoppingToken).ConfigureAwait(false);
                string? partPath = null, inline = null;
                var partBytes = outcome.Part.Length;
                await using (outcome.Part)
                {
                    if (partBytes <= MiniBatchResult.MaxInlinePartBytes)
                    {
                        inline = outcome.Part.ReadAllText();
                    }
                    else
                    {
                        partPath = JobKeys.PartPath(work.Tenant, work.Job, work.Index, Guid.NewGuid().ToString("N")[..12]);
                        await artifacts.WriteAsync(partPath, outcome.Part, overwrite: true, stoppingToken).ConfigureAwait(false);
                    }
                }
                foreach (var note in outcome.Notes)
                    await log.WriteAsync(work.Tenant, work.Job, "info", worker, note, stoppingToken).ConfigureAwait(false);
                if (work.LogsDebug || attempt > 1)
                    await log.WriteAsync(work.Tenant, work.Job, attempt > 1 ? "info" : "debug", worker, $"mini-batch {work.Index} scored on attempt {attempt}", stoppingToken).ConfigureAwait(false);
                return new MiniBatchResult(work.Index, true, partPath, outcome.Segments, outcome.Columns, outcome.ItemsSucceeded, outcome.ItemsFailed, attempt,
                    Stopwatch.GetElapsedTime(started).TotalMilliseconds, outcome.Errors, outcome.ErrorsOmitted, worker, time.GetUtcNow(), inline, partBytes);
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                var code = e is TimeoutException ? "Timeout" : e is ResourceLimitExceededException ? ResourceLimitExceededException.Code : e is IOException or UnauthorizedAccessException ? "InputUnreadable" : "ScoringFailed";
                JobTelemetry.AttemptFailed(attempt, code);
                await log.WriteAsync(work.Tenant, work.Job, "warning", worker, $"mini-batch {work.Index} attempt {attempt} of {attempts} failed: {code}: {e.Message}", stoppingToken).ConfigureAwait(false);
                if (attempt == attempts)
                    return await FailedAsync(work, worker, started, attempt, code, e.Message, stoppingToken).ConfigureAwait(false);
                await Task.Delay(options.RetryBackoff * attempt, stoppingToken).ConfigureAwait(false);
            }
        }
        throw new UnreachableException();
    }

    /// <summary>A failed mini-batch still reports how many rows each slice owned, so later rows of the file keep their numbers.</summary>
    private async Task<MiniBatchResult> FailedAsync(MiniBatchWork work, string worker, long started, int attempts, string code, string message, CancellationToken cancellationToken)
    {
        var segments = new List<MiniBatchSegment>();
        var errors = new List<JobItemError>();
        long items = 0;
        StagedSlices? staged = null;
        if (work.Slices.Any(x => TabularFiles.IsTabular(x.FileName)))
        {
            try { staged = await sliceFiles.StageAsync(work, cancellationToken).ConfigureAwait(false); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or Azure.RequestFailedException) { }
        }
        using var holding = staged;
        for (var i = 0; i < work.Slices.Count; i++)
        {
            var slice = work.Slices[i];
            long rows = 1;
            if (TabularFiles.IsTabular(slice.FileName))
            {
                try { rows = staged is null ? 0 : SliceLines.Count(staged[i], slice.FileName, slice.Offset, slice.Length); }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException) { rows = 0; }
            }
            segments.Add(new MiniBatchSegment(slice.FileIndex, 0, rows));
            items += Math.Max(rows, 1);
            errors.Add(new JobItemError(work.Index, slice.FileName, null, TabularFiles.IsTabular(slice.FileName) ? rows : null, attempts, code, message));
        }
        return new MiniBatchResult(work.Index, false, null, segments, [], 0, items, attempts, Stopwatch.GetElapsedTime(started).TotalMilliseconds,
            errors, 0, worker, time.GetUtcNow());
    }

    private static int IndexOf(MiniBatchWork work, MiniBatchWorkSlice slice)
    {
        for (var i = 0; i < work.Slices.Count; i++)
            if (ReferenceEquals(work.Slices[i], slice))
                return i;
        throw new ArgumentException("The slice is not part of the mini-batch.", nameof(slice));
    }
}
