using System.Runtime.CompilerServices;
using OrleansBatch.Abstractions;
using OrleansBatch.Abstractions.Jobs;

namespace OrleansBatch.OrleansClient;

/// <summary>The tenant's batch jobs: invoke an endpoint, follow a job to its end, list, cancel, read errors and output.</summary>
public class JobsClient : TenantScopedClient
{
    /// <summary>Bytes per output read: each is one grain call, well under Orleans' message size limit.</summary>
    public const int OutputChunkBytes = 1 << 20;

    private readonly TimeSpan _pollInterval;

    /// <summary>For mocking.</summary>
    protected JobsClient()
    {
    }

    internal JobsClient(IGrainFactory grains, string tenant, TimeSpan pollInterval)
        : base(grains, tenant) => _pollInterval = pollInterval;

    private IJobsGrain Grain => Grains.Jobs(Tenant);

    /// <summary>
    /// Invokes an endpoint, as <c>POST /v1/endpoints/{e}/jobs</c> does: the job is queued when this returns. With an
    /// idempotency key, a repeat within 24 h returns the first job (<see cref="JobInvokeResult.Created"/> false).
    /// </summary>
    public virtual Task<JobInvokeResult> InvokeAsync(JobInvocation invocation, CancellationToken cancellationToken = default) =>
        Grain.InvokeAsync(invocation).WaitAsync(cancellationToken);

    /// <summary>The job; 404 <c>JobNotFound</c>.</summary>
    public virtual Task<JobInfo> GetAsync(string name, CancellationToken cancellationToken = default) =>
        Grain.GetAsync(name).WaitAsync(cancellationToken);

    /// <summary>The tenant's jobs, newest first, filtered by <paramref name="query"/> (its <c>Top</c> is the page size).</summary>
    public virtual IAsyncEnumerable<JobInfo> ListAsync(JobListQuery? query = null, CancellationToken cancellationToken = default)
    {
        var q = query ?? new JobListQuery();
        return Pages.AllAsync(c => Grain.ListAsync(q with { Continuation = c }), cancellationToken);
    }

    /// <summary>Reads the job until it has ended, reporting each reading to <paramref name="progress"/>; returns the ended job.</summary>
    public virtual async Task<JobInfo> WaitForCompletionAsync(string name, IProgress<JobInfo>? progress = null, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            var job = await GetAsync(name, cancellationToken).ConfigureAwait(false);
            progress?.Report(job);
            if (job.HasEnded)
                return job;
            await Task.Delay(_pollInterval, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Asks the job to stop; 409 <c>JobTerminal</c> when it has ended.</summary>
    public virtual Task<JobInfo> CancelAsync(string name, CancellationToken cancellationToken = default) =>
        Grain.CancelAsync(name).WaitAsync(cancellationToken);

    /// <summary>The job's whole error report, identical errors grouped into one line each.</summary>
    public virtual async IAsyncEnumerable<JobItemErrorInfo> GetErrorsAsync(string name, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        string? continuation = null;
        do
        {
            var page = await Grain.GetErrorsAsync(name, 500, continuation).WaitAsync(cancellationToken).ConfigureAwait(false);
            foreach (var error in page.Errors)
                yield return error;
            continuation = page.Continuation;
        } while (continuation is not null);
    }

    /// <summary>Copies the completed job's output file into <paramref name="destination"/>; returns its file name. 409 <c>OutputNotReady</c> before it completed.</summary>
    public virtual async Task<string> DownloadOutputAsync(string name, Stream destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(destination);
        long offset = 0;
        while (true)
        {
            var chunk = await Grain.ReadOutputAsync(name, offset, OutputChunkBytes).WaitAsync(cancellationToken).ConfigureAwait(false);
            await destination.WriteAsync(chunk.Data, cancellationToken).ConfigureAwait(false);
            offset += chunk.Data.Length;
            if (chunk.End || chunk.Data.Length == 0)
                return chunk.FileName;
        }
    }
}
