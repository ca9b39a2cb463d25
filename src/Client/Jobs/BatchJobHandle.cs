namespace OrleansBatch.Client.Jobs;

/// <summary>A handle on a running job: refresh it, wait for it to end, cancel it, follow its log, download its output.</summary>
public class BatchJobHandle
{
    private readonly OrleansBatchClient _client;

    /// <summary>For mocking.</summary>
    protected BatchJobHandle()
    {
        _client = null!;
        Job = new BatchJob();
    }

    internal BatchJobHandle(OrleansBatchClient client, BatchJob job)
    {
        _client = client;
        Job = job;
    }

    /// <summary>The job as last read.</summary>
    public virtual BatchJob Job { get; private set; }

    public virtual string Name => Job.Name;

    /// <summary>Reads the job again.</summary>
    public virtual async Task<BatchJob> RefreshAsync(CancellationToken cancellationToken = default)
        => Job = await _client.GetJobAsync(Name, cancellationToken).ConfigureAwait(false);

    /// <summary>Polls until the job has ended (Completed, Failed or Canceled) and returns it; does not throw for a failed job.</summary>
    /// <param name="pollInterval">Time between reads (default 1 s).</param>
    /// <param name="cancellationToken">Stops waiting (the job keeps running).</param>
    public virtual Task<BatchJob> WaitForCompletionAsync(TimeSpan? pollInterval = null, CancellationToken cancellationToken = default)
        => WaitForCompletionAsync(null, pollInterval, cancellationToken);

    /// <summary>
    /// Polls until the job has ended (Completed, Failed or Canceled) and returns it, reporting the job's progress
    /// (mini-batches, items, rows written, percent, ETA) to <paramref name="progress"/> after every read that changed it;
    /// does not throw for a failed job.
    /// </summary>
    /// <param name="progress">Receives the progress; null for none.</param>
    /// <param name="pollInterval">Time between reads (default 1 s).</param>
    /// <param name="cancellationToken">Stops waiting (the job keeps running).</param>
    public virtual async Task<BatchJob> WaitForCompletionAsync(IProgress<BatchJobProgress>? progress, TimeSpan? pollInterval = null,
        CancellationToken cancellationToken = default)
    {
        BatchJobProgress? reported = null;
        while (true)
        {
            var job = await RefreshAsync(cancellationToken).ConfigureAwait(false);
            if (progress is not null && job.Progress is { } current && !SameCounts(current, reported))
            {
                progress.Report(current);
                reported = current;
            }
            if (job.IsTerminal)
                return job;
            await Task.Delay(pollInterval ?? TimeSpan.FromSeconds(1), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Asks the job to stop.</summary>
    public virtual async Task<BatchJob> CancelAsync(CancellationToken cancellationToken = default)
        => Job = await _client.CancelJobAsync(Name, cancellationToken).ConfigureAwait(false);

    /// <summary>The job's log lines; with <paramref name="follow"/>, until the job ends.</summary>
    public virtual IAsyncEnumerable<string> ReadLogAsync(bool follow = false, CancellationToken cancellationToken = default)
        => _client.ReadJobLogAsync(Name, follow, cancellationToken);

    /// <summary>Copies the job's output (the <c>append_row</c> file or the summary) to <paramref name="destination"/>.</summary>
    public virtual Task DownloadOutputAsync(Stream destination, CancellationToken cancellationToken = default)
        => _client.DownloadJobOutputAsync(Name, destination, cancellationToken);

    // The ETA changes with every read; a report is worth making when the counters move.
    private static bool SameCounts(BatchJobProgress current, BatchJobProgress? reported) =>
        reported is not null && current.MiniBatches == reported.MiniBatches && current.Items == reported.Items && current.RowsWritten == reported.RowsWritten;
}
