using System.Runtime.CompilerServices;
using OrleansBatch.Client.Jobs;
using OrleansBatch.Client.Pipeline;

namespace OrleansBatch.Client;

// Batch jobs: invoke an endpoint, follow the job, read its log, errors and output.
public partial class OrleansBatchClient
{
    /// <summary>Invokes an endpoint: creates a job (202) and returns a handle on it.</summary>
    /// <param name="endpoint">The endpoint's name.</param>
    /// <param name="invocation">Input, and optionally deployment, output, settings and output policy.</param>
    /// <param name="idempotencyKey">The same key within 24 h returns the same job instead of creating a second one.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual async Task<BatchJobHandle> InvokeEndpointAsync(string endpoint, BatchJobInvocation invocation, string? idempotencyKey = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        var headers = idempotencyKey is null ? [] : new[] { KeyValuePair.Create("Idempotency-Key", idempotencyKey) };
        var job = await Gateway.SendForValueAsync<BatchJob>(HttpMethod.Post, $"v1/endpoints/{Gateway.Segment(endpoint, nameof(endpoint))}/jobs",
            Gateway.Json(invocation), headers, cancellationToken).ConfigureAwait(false);
        return new BatchJobHandle(this, job);
    }

    /// <summary>Gets a job.</summary>
    /// <param name="name">The job's name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual Task<BatchJob> GetJobAsync(string name, CancellationToken cancellationToken = default)
        => Gateway.SendForValueAsync<BatchJob>(HttpMethod.Get, $"v1/jobs/{Gateway.Segment(name, nameof(name))}", null, cancellationToken);

    /// <summary>A handle on an existing job.</summary>
    /// <param name="name">The job's name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual async Task<BatchJobHandle> GetJobHandleAsync(string name, CancellationToken cancellationToken = default)
        => new(this, await GetJobAsync(name, cancellationToken).ConfigureAwait(false));

    /// <summary>Lists jobs newest first, optionally of one endpoint, deployment or status.</summary>
    /// <param name="endpoint">Only jobs of this endpoint.</param>
    /// <param name="deployment">Only jobs of this deployment.</param>
    /// <param name="status">Only jobs in this status.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    public virtual OrleansBatchPageable<BatchJob> GetJobsAsync(string? endpoint = null, string? deployment = null, BatchJobStatus? status = null,
        CancellationToken cancellationToken = default)
    {
        var path = "v1/jobs";
        if (endpoint is not null) path = Gateway.AddQuery(path, "endpoint", endpoint);
        if (deployment is not null) path = Gateway.AddQuery(path, "deployment", deployment);
        if (status is not null) path = Gateway.AddQuery(path, "status", status.Value.ToString());
        return Gateway.List<BatchJob>(path, cancellationToken);
    }

    /// <summary>Asks a job to stop; a job that has ended already is 409 <c>JobTerminal</c>.</summary>
    /// <param name="name">The job's name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual Task<BatchJob> CancelJobAsync(string name, CancellationToken cancellationToken = default)
        => Gateway.SendForValueAsync<BatchJob>(HttpMethod.Post, $"v1/jobs/{Gateway.Segment(name, nameof(name))}/cancel", null, cancellationToken);

    /// <summary>The per-item error report of a job.</summary>
    /// <param name="name">The job's name.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    public virtual OrleansBatchPageable<BatchJobItemError> GetJobErrorsAsync(string name, CancellationToken cancellationToken = default)
        => Gateway.List<BatchJobItemError>($"v1/jobs/{Gateway.Segment(name, nameof(name))}/errors", cancellationToken);

    /// <summary>The job's log, line by line; with <paramref name="follow"/>, the lines keep coming until the job ends.</summary>
    /// <param name="name">The job's name.</param>
    /// <param name="follow">Keep reading until the job ends.</param>
    /// <param name="cancellationToken">Stops reading.</param>
    public virtual async IAsyncEnumerable<string> ReadJobLogAsync(string name, bool follow = false, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var path = $"v1/jobs/{Gateway.Segment(name, nameof(name))}/logs" + (follow ? "?follow=true" : "");
        using var response = await Gateway.OpenAsync(path, cancellationToken).ConfigureAwait(false);
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        using var reader = new StreamReader(body);
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
            yield return line;
    }

    /// <summary>Copies a job's output (the <c>append_row</c> file, or the summary for <c>summary_only</c>) to <paramref name="destination"/>.</summary>
    /// <param name="name">The job's name.</param>
    /// <param name="destination">Where to write the file.</param>
    /// <param name="cancellationToken">Cancels the download.</param>
    public virtual async Task DownloadJobOutputAsync(string name, Stream destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(destination);
        using var response = await Gateway.OpenAsync($"v1/jobs/{Gateway.Segment(name, nameof(name))}/outputs/score", cancellationToken).ConfigureAwait(false);
        await response.Content.CopyToAsync(destination, cancellationToken).ConfigureAwait(false);
    }
}
