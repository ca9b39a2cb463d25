using OrleansBatch.Abstractions.Jobs;
using System.Text;
using OrleansBatch.Grains.Domain.Jobs;
using OrleansBatch.Scoring;
using OrleansBatch.Scoring.Telemetry;
using OrleansBatch.Silo.Jobs;

namespace OrleansBatch.Silo.Workers;

/// <summary>
/// One attempt at scoring a mini-batch, on a thread of <see cref="ScoringThreads"/>: a scorer that hangs past the
/// timeout is abandoned (its token canceled, its result ignored) and never holds a worker of the pool.
/// </summary>
public static class MiniBatchAttempt
{
    /// <summary>Scores every slice into a fresh part; throws <see cref="TimeoutException"/> past <paramref name="timeout"/>.</summary>
    public static async Task<AttemptOutcome> RunAsync(
        ScoringThreads threads, IScorer scorer, MiniBatchWork work, Func<MiniBatchWorkSlice, string> localPath, int attempt, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var scoring = threads.RunAsync(() => Score(scorer, work, localPath, attempt, cts.Token));
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var finished = await Task.WhenAny(scoring, Task.Delay(timeout, timer.Token)).ConfigureAwait(false);
        if (finished != scoring)
        {
            await cts.CancelAsync().ConfigureAwait(false);
            // Abandoned: whenever it ends, drop what it wrote.
            _ = scoring.ContinueWith(t =>
            {
                if (t.IsCompletedSuccessfully) t.Result.Part.Dispose();
                _ = t.Exception;
                cts.Dispose();
            }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            cancellationToken.ThrowIfCancellationRequested();
            throw new TimeoutException($"Scoring took longer than retry_settings.timeout ({timeout.TotalSeconds:0} s) and was abandoned.");
        }
        // The timer is no longer needed: cancel it rather than leave it pending for the whole timeout.
        await timer.CancelAsync().ConfigureAwait(false);
        cts.Dispose();
        return await scoring.ConfigureAwait(false);
    }

    /// <summary>A whole file's length; a pipe or device has none and counts as 0 bytes read (its scorer still reads it).</summary>
    private static long LengthOf(Microsoft.Win32.SafeHandles.SafeFileHandle handle)
    {
        try { return RandomAccess.GetLength(handle); }
        catch (NotSupportedException) { return 0; }
    }

    private static AttemptOutcome Score(IScorer scorer, MiniBatchWork work, Func<MiniBatchWorkSlice, string> localPath, int attempt, CancellationToken cancellationToken)
    {
        var part = new PartBuffer();
        try
        {
            var segments = new List<MiniBatchSegment>(work.Slices.Count);
            var errors = new JobItemErrorGroups(MiniBatchResult.MaxErrorsKept);
            var notes = new List<string>();
            long ok = 0, failed = 0;
            // An input that cannot be opened fails the attempt (and is retried: a share may be back, a copy may have finished);
            // a file that opens but holds bad data is the scorer's item error.
            long bytes = 0;
            foreach (var slice in work.Slices)
            {
                using var handle = File.OpenHandle(localPath(slice), FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
                bytes += slice.Length >= 0 ? slice.Length : LengthOf(handle);
            }
            PlatformMetrics.InputRead(work.Tenant, bytes);
            // A small buffer: the part is in memory already, and a large one would be a large-object allocation per mini-batch.
            using (var writer = new StreamWriter(part, new UTF8Encoding(false), 4096, leaveOpen: true))
            {
                if (scorer is IFileBatchScorer batch && work.Slices.All(x => x.Length < 0 && !TabularFiles.IsTabular(x.FileName)))
                {
                    // Whole non-tabular files: one batched call; each file is one item (row 0 of its own file).
                    cancellationToken.ThrowIfCancellationRequested();
                    var byFile = new FileLines(work.Slices.Count);
                    var result = batch.ScoreFiles(work.Slices.Select(x => new InputSlice(localPath(x), x.FileName)).ToList(), byFile, cancellationToken);
                    for (var i = 0; i < work.Slices.Count; i++)
                    {
                        if (byFile.Lines[i] is { } line)
                        {
                            writer.Write("0,");
                            writer.Write(line);
                            writer.Write('\n');
                        }
                        segments.Add(new MiniBatchSegment(work.Slices[i].FileIndex, byFile.Lines[i] is null ? 0 : 1, 1));
                    }
                    ok += result.RowsScored;
                    failed += result.RowsFailed;
                    Collect(result.Errors);
                }
                else
                {
                    var sink = new PartSink(writer);
                    foreach (var slice in work.Slices)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        var result = scorer.Score(new InputSlice(localPath(slice), slice.FileName, slice.Offset, slice.Length), sink, cancellationToken);
                        segments.Add(new MiniBatchSegment(slice.FileIndex, sink.TakeLines(), result.RowsScored + result.RowsFailed));
                        ok += result.RowsScored;
                        failed += result.RowsFailed;
                        Collect(result.Errors);
                        if (slice is { FileIndex: 0, Offset: 0 })
                            notes.AddRange(result.Notes ?? []);
                    }
                }
            }

            void Collect(IReadOnlyList<ItemError> found)
            {
                foreach (var e in found)
                    errors.Add(new JobItemError(work.Index, e.FileName, e.Row, null, attempt, e.Code, e.Message, e.Column, e.Value));
            }
            part.StartReading();
            return new AttemptOutcome(part, segments, scorer.OutputColumns, ok, failed, errors.Errors, errors.Omitted, notes);
        }
        catch
        {
            part.Dispose();
            throw;
        }
    }
}
