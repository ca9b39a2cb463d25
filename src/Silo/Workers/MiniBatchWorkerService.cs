using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OrleansBatch.Grains.Domain.Jobs;
using OrleansBatch.Grains.Providers;
using OrleansBatch.Grains.Domain;
using OrleansBatch.Grains.Runtime;
using OrleansBatch.Scoring;
using OrleansBatch.Silo.Inputs;
using OrleansBatch.Silo.Jobs;
using OrleansBatch.Silo.Membership;

namespace OrleansBatch.Silo.Workers;

/// <summary>
/// The pool of stateless mini-batch workers of this silo. Each pulls a mini-batch from the next live
/// tenant's queue in a round-robin shared by the pool (<see cref="TenantQueues"/>: fair shares between tenants), scores
/// it with a timeout per attempt and up to <c>max_retries</c> retries, writes its output part and
/// records the result: the first record wins, so a duplicate delivery changes nothing. The message is
/// deleted only after the result is recorded (at-least-once); a dead worker's message reappears.
/// </summary>
public sealed class MiniBatchWorkerService(
    GrainRuntime runtime, IWorkQueue queue, IArtifactStore artifacts, IScorerFactory scorers, JobLog log, JobSignals signals, TenantQueues tenants,
    JobOptions options, SiloIdentity silo, SliceFiles sliceFiles, ModelFiles modelFiles, ScoringThreads threads, TimeProvider time, ILogger<MiniBatchWorkerService> logger) : BackgroundService
{
    /// <summary>Longest sleep of an idle worker that is not watching the queue.</summary>
    private static readonly TimeSpan IdleWorkerSleep = TimeSpan.FromSeconds(5);

    private readonly SemaphoreSlim _watching = new(1, 1);
    private TaskCompletionSource _workFound = new(TaskCreationOptions.RunContinuationsAsynchronously);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, options.Workers).Select(n => Task.Run(() => WorkAsync(n, stoppingToken), CancellationToken.None)));

    private async Task WorkAsync(int worker, CancellationToken stoppingToken)
    {
        var name = $"worker{worker}@{options.SiloId}";
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var message = await tenants.TakeAsync(queue, options.VisibilityTimeout, stoppingToken).ConfigureAwait(false);
                if (message is null)
                {
                    message = await WaitForWorkAsync(stoppingToken).ConfigureAwait(false);
                    if (message is null)
                        continue;
                }
                silo.MiniBatchStarted();
                try
                {
                    await HandleAsync(message, name, stoppingToken).ConfigureAwait(false);
                }
                finally
                {
                    silo.MiniBatchEnded();
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The message (if any) stays on the queue and comes back after its visibility timeout.
                JobLogMessages.WorkerFailed(logger, e, options.QueueName);
                await Task.Delay(TimeSpan.FromMilliseconds(200), stoppingToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// An idle worker waits for work. One idle worker per silo watches the tenants' queues (storage queues charge
    /// for every look); the others sleep until it finds work, or a few seconds.
    /// Returns the message the watcher took, if any.
    /// </summary>
    private async Task<QueueMessage?> WaitForWorkAsync(CancellationToken stoppingToken)
    {
        if (!await _watching.WaitAsync(0, stoppingToken).ConfigureAwait(false))
        {
            try
            {
                await Volatile.Read(ref _workFound).Task.WaitAsync(IdleWorkerSleep, stoppingToken).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
            }
            return null;
        }
        QueueMessage? message;
        try
        {
            // An enqueue in this silo wakes the watcher at once; other silos' work and reappearing messages are polled.
            await signals.WaitAsync(JobSignals.Work, options.IdlePollInterval, stoppingToken).ConfigureAwait(false);
            message = await tenants.TakeAsync(queue, options.VisibilityTimeout, stoppingToken).ConfigureAwait(false);
        }
        finally
        {
            _watching.Release();
        }
        if (message is not null)
            Interlocked.Exchange(ref _workFound, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
        return message;
    }

    private async Task HandleAsync(QueueMessage message, string worker, CancellationToken stoppingToken)
    {
        var work = JsonSerializer.Deserialize<MiniBatchWork>(message.Body, GrainRuntime.StateJson)
            ?? throw new InvalidDataException($"Queue message {message.Id} is empty.");
        var resultId = JobKeys.Result(work.Tenant, work.Job, work.Index);
        var active = await runtime.ReadAsync<ActiveJob>(JobKeys.Active(work.Tenant, work.Job), stoppingToken).ConfigureAwait(false);
        // Only a message delivered before can find its result recorded (an owner that resumes may also send a mini-batch
        // twice, rarely: then the second scoring is wasted, and the first record still wins).
        var recorded = message.DequeueCount > 1 && (await runtime.ReadAsync<MiniBatchResult>(resultId, stoppingToken).ConfigureAwait(false)).Exists;
        if (active.State is null or { CancelRequested: true } || recorded)
        {
            // The job ended or was canceled, or another delivery already recorded this mini-batch.
            await queue.DeleteAsync(message, CancellationToken.None).ConfigureAwait(false);
            return;
        }

        using var holding = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var keepAlive = KeepVisibleAsync(message, holding.Token);
        var abandoned = false;
        try
        {
            var result = await ScoreAsync(work, message, worker, stoppingToken).ConfigureAwait(false);
            var winner = await runtime.CreateFirstAsync(resultId, result, stoppingToken).ConfigureAwait(false);
            if (!ReferenceEquals(winner, result) && result.PartPath is not null && winner.PartPath != result.PartPath)
                await artifacts.DeleteAsync(result.PartPath, stoppingToken).ConfigureAwait(false);
            signals.Pulse(JobSignals.JobTopic(work.Tenant, work.Job));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            abandoned = true;
            throw;
        }
        finally
        {
            await holding.CancelAsync().ConfigureAwait(false);
            message = await keepAlive.ConfigureAwait(false);
            if (abandoned)
                await ReleaseAsync(message).ConfigureAwait(false);
        }
        await queue.DeleteAsync(message, CancellationToken.None).ConfigureAwait(false);
    }

    private async Task<MiniBatchResult> ScoreAsync(MiniBatchWork work, QueueMessage message, string worker, CancellationToken stoppingToken)
    {
        var started = Stopwatch.GetTimestamp();
        var attempts = work.MaxRetries + 1;
        // A message delivered again and again (its workers died) is given up like a mini-batch out of retries.
        if (message.DequeueCount > attempts + 1)
            return await FailedAsync(work, worker, started, 0, "MiniBatchAbandoned", $"Delivered {message.DequeueCount - 1} times without a result: the workers scoring it stopped.", stoppingToken).ConfigureAwait(false);

        for (var attempt = 1; attempt <= attempts; attempt++)
        {
            try
            {
                var modelPaths = new List<string>(work.Steps.Count);
                foreach (var step in work.Steps)
                    modelPaths.Add(await modelFiles.GetLocalPathAsync(step.ArtifactPath, stoppingToken).ConfigureAwait(false));
                var image = work.Image is { } i ? new ImageSettings(i.Resize, i.Scale, i.Mean, i.Std) : null;
                var scorer = scorers.GetOrCreate(new ScorerSpec($"{work.Tenant}/{work.Endpoint}/{work.Deployment}@{work.DeploymentVersion}", modelPaths, Image: image));
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
                if (work.LogsDebug || attempt > 1)
                    await log.WriteAsync(work.Tenant, work.Job, attempt > 1 ? "info" : "debug", worker, $"mini-batch {work.Index} scored on attempt {attempt}", stoppingToken).ConfigureAwait(false);
                return new MiniBatchResult(work.Index, true, partPath, outcome.Segments, outcome.Columns, outcome.ItemsSucceeded, outcome.ItemsFailed, attempt,
                    Stopwatch.GetElapsedTime(started).TotalMilliseconds, outcome.Errors, outcome.ErrorsOmitted, worker, time.GetUtcNow(), inline, partBytes);
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                var code = e is TimeoutException ? "Timeout" : e is ResourceLimitExceededException ? ResourceLimitExceededException.Code : e is IOException or UnauthorizedAccessException ? "InputUnreadable" : "ScoringFailed";
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

    /// <summary>A silo that stops abandons its mini-batch: make it visible again within a second (the shortest visibility), so another silo takes it without waiting out the timeout.</summary>
    private async Task ReleaseAsync(QueueMessage message)
    {
        try
        {
            await queue.ExtendAsync(message, TimeSpan.FromSeconds(1), CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            JobLogMessages.WorkerFailed(logger, e, options.QueueName);
        }
    }

    /// <summary>Keeps the message hidden while the worker holds it; returns the latest holding (its receipt deletes it).</summary>
    private async Task<QueueMessage> KeepVisibleAsync(QueueMessage message, CancellationToken holding)
    {
        var current = message;
        while (!holding.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(options.VisibilityTimeout / 3, holding).ConfigureAwait(false);
                current = await queue.ExtendAsync(current, options.VisibilityTimeout, holding).ConfigureAwait(false) ?? current;
            }
            catch (OperationCanceledException)
            {
            }
            catch (Exception e)
            {
                JobLogMessages.WorkerFailed(logger, e, options.QueueName);
            }
        }
        return current;
    }
}
