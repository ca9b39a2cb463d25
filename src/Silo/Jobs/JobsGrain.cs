using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Orleans;
using Orleans.Concurrency;
using OrleansBatch.Abstractions;
using OrleansBatch.Abstractions.Jobs;

namespace OrleansBatch.Silo.Jobs;

/// <summary>
/// A tenant's jobs for Orleans clients (keyed by the tenant; the tenant filter admits only its callers). A stateless
/// worker on the caller's silo: the state lives in the job grains and the job store, and the invoke runs the same
/// <see cref="JobInvoker"/> as <c>POST /v1/endpoints/{e}/jobs</c>.
/// </summary>
[StatelessWorker]
public sealed class JobsGrain(JobInvoker invoker, JobService jobs, JobErrorPages errors, TimeProvider time) : Grain, IJobsGrain
{
    /// <summary>Largest output piece per call: well under Orleans' message size limit.</summary>
    public const int MaxOutputChunk = 1 << 20;

    private string Tenant => this.GetPrimaryKeyString();

    public async Task<JobInvokeResult> InvokeAsync(JobInvocation invocation)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        var endpoint = ResourceName.Normalize(invocation.Endpoint ?? "", "endpoint");
        var body = JobInvocationReader.Read(invocation);
        // What shapes the job, so the same key with another request is told apart (422), as REST does with its body.
        var fingerprint = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{endpoint}\n{JsonSerializer.Serialize(invocation with { IdempotencyKey = null })}")));
        var (job, created) = await invoker.InvokeAsync(Tenant, endpoint, body, invocation.IdempotencyKey is { Length: > 0 } key ? key : null, CancellationToken.None, fingerprint);
        return new JobInvokeResult(JobInfos.Of(job, time.GetUtcNow()), created);
    }

    public async Task<JobInfo> GetAsync(string job) => JobInfos.Of(await jobs.GetAsync(Tenant, job), time.GetUtcNow());

    public async Task<Page<JobInfo>> ListAsync(JobListQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var filter = new JobListFilter(
            query.Endpoint is null ? null : ResourceName.Normalize(query.Endpoint, "endpoint"), query.Deployment, JobStatusNames.Parse(query.Status));
        var page = await jobs.ListAsync(Tenant, filter, query.Top, query.Continuation);
        var now = time.GetUtcNow();
        return new Page<JobInfo>(page.Items.Select(j => JobInfos.Of(j, now)).ToList(), page.Continuation);
    }

    public async Task<JobInfo> CancelAsync(string job) => JobInfos.Of(await jobs.CancelAsync(Tenant, job), time.GetUtcNow());

    public async Task<JobErrorReport> GetErrorsAsync(string job, int top, string? continuation)
    {
        var page = await errors.ReadAsync(Tenant, job, top, continuation);
        return new JobErrorReport(page.Lines.Select(JobInfos.Error).ToList(), page.TotalFailedItems, page.Groups, page.Continuation);
    }

    public async Task<JobOutputChunk> ReadOutputAsync(string job, long offset, int count)
    {
        if (offset < 0)
            throw DomainException.Validation("offset", "must be 0 or more.");
        var (content, fileName, contentType) = await jobs.OpenOutputAsync(Tenant, job);
        await using (content)
        {
            if (content.CanSeek)
                content.Seek(offset, SeekOrigin.Begin);
            else
                await SkipAsync(content, offset);
            var data = new byte[Math.Clamp(count, 1, MaxOutputChunk)];
            var read = await content.ReadAtLeastAsync(data, data.Length, throwOnEndOfStream: false);
            return new JobOutputChunk(fileName, contentType, read == data.Length ? data : data[..read], read < data.Length);
        }
    }

    private static async Task SkipAsync(Stream content, long bytes)
    {
        var buffer = new byte[81920];
        while (bytes > 0 && await content.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, bytes))) is var read and > 0)
            bytes -= read;
    }
}
