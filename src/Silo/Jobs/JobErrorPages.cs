using System.Globalization;
using OrleansBatch.Abstractions;
using OrleansBatch.Grains.Domain.Jobs;

namespace OrleansBatch.Silo.Jobs;

/// <summary>
/// A job's whole error report with identical errors grouped across mini-batches, paged by position (the continuation is
/// the next line's index): the one reading behind <c>GET /v1/jobs/{name}/errors</c> and the jobs grain of Orleans clients.
/// </summary>
public sealed class JobErrorPages(JobService jobs)
{
    /// <summary>Lines of job <paramref name="name"/> from <paramref name="continuation"/>; 400 <c>InvalidContinuation</c> for a token this report never gave.</summary>
    public async Task<JobErrorPage> ReadAsync(string tenant, string name, int top, string? continuation, CancellationToken cancellationToken = default)
    {
        var start = 0;
        if (continuation is not null && (!int.TryParse(continuation, NumberStyles.None, CultureInfo.InvariantCulture, out start) || start < 0))
            throw DomainException.Invalid("InvalidContinuation", "The continuation token is not one this list returned; follow next_link unchanged, or leave continuation out for the first page.");
        var job = await jobs.GetAsync(tenant, name, cancellationToken).ConfigureAwait(false);
        var groups = new JobItemErrorGroups(int.MaxValue);
        await foreach (var error in jobs.ErrorsAsync(tenant, name, cancellationToken).ConfigureAwait(false))
            groups.Add(error);
        var page = groups.Errors.Skip(start).Take(Math.Clamp(top, 1, Grains.Providers.GrainQuery.MaxTop)).ToList();
        var next = start + page.Count < groups.Errors.Count ? (start + page.Count).ToString(CultureInfo.InvariantCulture) : null;
        var total = Math.Max(job.Counters.ItemsFailed, groups.Errors.Sum(e => e.Count));
        return new JobErrorPage(page, total, groups.Errors.Count, next);
    }
}
