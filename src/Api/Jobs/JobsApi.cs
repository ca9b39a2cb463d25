using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;
using OrleansBatch.Api.Contracts;
using OrleansBatch.Api.Http;
using OrleansBatch.Api.Security;
using OrleansBatch.Grains;
using OrleansBatch.Grains.Domain;
using OrleansBatch.Grains.Domain.Jobs;
using OrleansBatch.Silo.Inputs;
using OrleansBatch.Silo.Jobs;
using OrleansBatch.Abstractions;

namespace OrleansBatch.Api.Jobs;

/// <summary>
/// Batch jobs: invoke an endpoint (<c>POST /v1/endpoints/{e}/jobs</c>, 202 at once), read, list, cancel,
/// follow the log, read the error report and download the output.
/// </summary>
public static class JobsApi
{
    public static IEndpointRouteBuilder MapJobsApi(this IEndpointRouteBuilder app)
    {
        var invoke = app.MapGroup("/v1/endpoints/{endpoint}/jobs").WithTags("Jobs").WithProblemResponses().RequireAuthorization(AccessPolicies.Reader);
        invoke.MapPost("", InvokeAsync).WithName("InvokeEndpoint").RequireAuthorization(AccessPolicies.Contributor).Accepts<InvokeRequest>("application/json", "application/yaml");
        invoke.MapGet("", ListForEndpointAsync).WithName("ListEndpointJobs");

        var jobs = app.MapGroup("/v1/jobs").WithTags("Jobs").WithProblemResponses().RequireAuthorization(AccessPolicies.Reader);
        jobs.MapGet("", ListAsync).WithName("ListJobs");
        jobs.MapGet("/{name}", GetAsync).WithName("GetJob");
        jobs.MapPost("/{name}/cancel", CancelAsync).WithName("CancelJob").RequireAuthorization(AccessPolicies.Contributor);
        jobs.MapGet("/{name}/logs", LogsAsync).WithName("GetJobLogs").Produces<string>(StatusCodes.Status200OK, "text/plain");
        jobs.MapGet("/{name}/errors", ErrorsAsync).WithName("GetJobErrors");
        jobs.MapGet("/{name}/outputs/score", OutputAsync).WithName("GetJobOutput").Produces<byte[]>(StatusCodes.Status200OK, "text/csv", "application/vnd.apache.parquet", "application/json");
        return app;
    }

    private static async Task<Accepted<JobResponse>> InvokeAsync(
        HttpContext context, TenantCaller caller, string endpoint, JobInvoker invoker, TimeProvider time, CancellationToken cancellationToken)
    {
        endpoint = ResourceName.Normalize(endpoint, "endpoint");
        var raw = await RequestBody.ReadObjectAsync(context.Request, cancellationToken);
        var headers = context.Request.Headers;
        var body = InvokeBodyReader.Read(raw, headers["azureml-model-deployment"].ToString());
        var key = headers["Idempotency-Key"].ToString() is { Length: > 0 } k ? k : headers["Repeatability-Request-ID"].ToString();
        if (key.Length > 256)
            throw DomainException.Validation("Idempotency-Key", "must be at most 256 characters.");
        var fingerprint = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{endpoint}\n{body.DeploymentName}\n{raw.ToJsonString()}")));
        var (job, _) = await invoker.InvokeAsync(caller.Tenant, endpoint, body, key.Length == 0 ? null : key, cancellationToken, fingerprint);
        return TypedResults.Accepted($"/v1/jobs/{job.Name}", JobResponses.Of(job, time.GetUtcNow()));
    }

    private static async Task<Ok<JobResponse>> GetAsync(TenantCaller caller, string name, JobService jobs, TimeProvider time, CancellationToken cancellationToken) =>
        TypedResults.Ok(JobResponses.Of(await jobs.GetAsync(caller.Tenant, name, cancellationToken), time.GetUtcNow()));

    private static Task<Ok<ListResponse<JobResponse>>> ListAsync(
        HttpContext context, TenantCaller caller, ListQuery query, JobService jobs, TimeProvider time, string? endpoint, string? deployment, string? status, CancellationToken cancellationToken) =>
        ListCoreAsync(context, caller, query, jobs, time, new JobListFilter(endpoint, deployment, JobStatusNames.Parse(status)), cancellationToken);

    private static async Task<Ok<ListResponse<JobResponse>>> ListForEndpointAsync(
        HttpContext context, TenantCaller caller, string endpoint, ListQuery query, JobService jobs, TimeProvider time, string? deployment, string? status, CancellationToken cancellationToken) =>
        await ListCoreAsync(context, caller, query, jobs, time, new JobListFilter(ResourceName.Normalize(endpoint, "endpoint"), deployment, JobStatusNames.Parse(status)), cancellationToken);

    private static async Task<Ok<ListResponse<JobResponse>>> ListCoreAsync(
        HttpContext context, TenantCaller caller, ListQuery query, JobService jobs, TimeProvider time, JobListFilter filter, CancellationToken cancellationToken)
    {
        var page = await jobs.ListAsync(caller.Tenant, filter, query.Top, query.Continuation, cancellationToken);
        var now = time.GetUtcNow();
        return TypedResults.Ok(new ListResponse<JobResponse>(page.Items.Select(j => JobResponses.Of(j, now)).ToList(), NextLink(context.Request, page.Continuation)));
    }

    private static async Task<Accepted<JobResponse>> CancelAsync(TenantCaller caller, string name, JobService jobs, TimeProvider time, CancellationToken cancellationToken)
    {
        var job = await jobs.CancelAsync(caller.Tenant, name, cancellationToken);
        return TypedResults.Accepted($"/v1/jobs/{job.Name}", JobResponses.Of(job, time.GetUtcNow()));
    }

    private static async Task LogsAsync(HttpContext context, TenantCaller caller, string name, JobService jobs, bool? follow, CancellationToken cancellationToken)
    {
        // Read the first line before answering, so an unknown job is a 404 problem, not an empty 200.
        await using var lines = jobs.LogAsync(caller.Tenant, name, follow == true, cancellationToken).GetAsyncEnumerator(cancellationToken);
        var any = await lines.MoveNextAsync();
        context.Response.ContentType = "text/plain; charset=utf-8";
        if (!any)
            return;
        do
        {
            await context.Response.WriteAsync(SasRedaction.Text(lines.Current) + "\n", Encoding.UTF8, cancellationToken);
            await context.Response.Body.FlushAsync(cancellationToken);
        } while (await lines.MoveNextAsync());
    }

    /// <summary>The whole report, identical errors grouped across mini-batches, paged by position (<see cref="JobErrorPages"/>).</summary>
    private static async Task<Ok<JobErrorsResponse>> ErrorsAsync(HttpContext context, TenantCaller caller, string name, ListQuery query, JobErrorPages errors, CancellationToken cancellationToken)
    {
        var page = await errors.ReadAsync(caller.Tenant, name, query.Top, query.Continuation, cancellationToken);
        return TypedResults.Ok(new JobErrorsResponse(page.Lines.Select(JobResponses.Error).ToList(), page.TotalFailedItems, page.Groups, NextLink(context.Request, page.Continuation)));
    }

    private static async Task<FileStreamHttpResult> OutputAsync(TenantCaller caller, string name, JobService jobs, CancellationToken cancellationToken)
    {
        var (content, fileName, contentType) = await jobs.OpenOutputAsync(caller.Tenant, name, cancellationToken);
        return TypedResults.File(content, contentType, fileName);
    }

    /// <summary>The next page's URL with the same filters.</summary>
    private static string? NextLink(HttpRequest request, string? continuation)
    {
        if (continuation is null)
            return null;
        var query = QueryHelpers.ParseQuery(request.QueryString.Value).Where(q => q.Key != "continuation")
            .SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string?>(q.Key, v)))
            .Append(new KeyValuePair<string, string?>("continuation", continuation));
        return QueryHelpers.AddQueryString($"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}", query);
    }
}
