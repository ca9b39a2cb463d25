namespace OrleansBatch.Abstractions.Jobs;

/// <summary>
/// A tenant's jobs for Orleans clients (keyed by the tenant, so the silo's tenant filter admits only that tenant's
/// callers): invoke an endpoint, read, list, cancel, the error report and the output. It runs the same invoke pipeline as
/// the REST gateway, so both give the same jobs, checks and error codes (<see cref="DomainException"/>).
/// </summary>
[Alias("obatch.IJobsGrain")]
public interface IJobsGrain : IGrainWithStringKey
{
    /// <summary>Invokes an endpoint: validates the request, pins the deployment version, resolves inputs and output, creates the job.</summary>
    [Alias("Invoke")] Task<JobInvokeResult> InvokeAsync(JobInvocation invocation);

    /// <summary>The job; 404 <c>JobNotFound</c>.</summary>
    [Alias("Get")] Task<JobInfo> GetAsync(string job);

    /// <summary>The tenant's jobs, newest first, filtered and paged.</summary>
    [Alias("List")] Task<Page<JobInfo>> ListAsync(JobListQuery query);

    /// <summary>Asks the job to stop; 409 <c>JobTerminal</c> when it has ended.</summary>
    [Alias("Cancel")] Task<JobInfo> CancelAsync(string job);

    /// <summary>A page of the job's error report (<paramref name="top"/> lines from <paramref name="continuation"/>).</summary>
    [Alias("Errors")] Task<JobErrorReport> GetErrorsAsync(string job, int top, string? continuation);

    /// <summary>Up to <paramref name="count"/> bytes of the completed job's output from <paramref name="offset"/>; 409 <c>OutputNotReady</c> before it completed.</summary>
    [Alias("ReadOutput")] Task<JobOutputChunk> ReadOutputAsync(string job, long offset, int count);
}
