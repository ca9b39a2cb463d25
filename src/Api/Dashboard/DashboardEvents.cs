using System.Text;
using System.Text.Json;
using OrleansBatch.Abstractions;
using OrleansBatch.Grains.Domain.Jobs;
using OrleansBatch.Silo.Jobs;

namespace OrleansBatch.Api.Dashboard;

/// <summary>
/// Server-sent events that keep pages live without reloads or client polling: the job list's rows, and
/// one job's progress, per-silo view and log lines. The server reads the job's state once a second
/// while the page is open and pushes what it sees; the page's script updates the elements in place.
/// </summary>
internal static class DashboardEvents
{
    private static readonly TimeSpan Tick = TimeSpan.FromSeconds(1);

    public static void Map(IEndpointRouteBuilder app)
    {
        var events = app.MapGroup($"{DashboardPaths.Root}/events").RequireAuthorization(DashboardAuth.Policy).ExcludeFromDescription();
        events.MapGet("/jobs", JobListAsync);
        events.MapGet("/jobs/{name}", JobAsync);
    }

    /// <summary>The rows of one page of the job list (same filters and page), every second, until the page is closed.</summary>
    private static async Task JobListAsync(
        HttpContext context, DashboardData data, TimeProvider time, string? endpoint, string? deployment, string? status, string? continuation)
    {
        var user = DashboardUser.Of(context.User);
        if (user.IsPlatformAdmin || !JobFilters.TryCreate(endpoint, deployment, status, out var filter))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        var stream = await StartAsync(context);
        var aborted = context.RequestAborted;
        while (!aborted.IsCancellationRequested)
        {
            var page = await data.ListJobsAsync(user.TenantName, filter, continuation, aborted);
            var now = time.GetUtcNow();
            await stream.SendAsync("jobs", page.Items.Select(j => JobSnapshot.Of(j, now)).ToList());
            await Task.Delay(Tick, time, aborted).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    /// <summary>
    /// One job: its progress every second, the per-silo view every few seconds, and each new log line (from line
    /// <paramref name="logFrom"/>, the lines the page already shows); ends with an <c>end</c> event once the job has ended.
    /// </summary>
    private static async Task JobAsync(HttpContext context, string name, DashboardData data, TimeProvider time, int? logFrom)
    {
        var user = DashboardUser.Of(context.User);
        var aborted = context.RequestAborted;
        JobState job;
        try
        {
            job = user.IsPlatformAdmin ? throw DomainException.NotFound("JobNotFound", $"Job '{name}' does not exist.") : await data.GetJobAsync(user.TenantName, name, aborted);
        }
        catch (DomainException e)
        {
            context.Response.StatusCode = e.Status;
            return;
        }
        var stream = await StartAsync(context);
        var log = FollowLogAsync(stream, data, user.TenantName, name, logFrom ?? 0, aborted);
        for (var tick = 0; !aborted.IsCancellationRequested; tick++)
        {
            await stream.SendAsync("job", JobSnapshot.Of(job, time.GetUtcNow()));
            var terminal = job.Status.IsTerminal();
            if (tick % 3 == 0 || terminal)
                await stream.SendAsync("silos", await data.SiloSharesAsync(user.TenantName, name, aborted));
            if (terminal)
                break;
            await Task.Delay(Tick, time, aborted).ContinueWith(_ => { }, TaskScheduler.Default);
            if (!aborted.IsCancellationRequested)
                job = await data.GetJobAsync(user.TenantName, name, aborted);
        }
        await log;
        await stream.SendAsync("end", new { });
    }

    private static async Task FollowLogAsync(EventStream stream, DashboardData data, string tenant, string name, int from, CancellationToken cancellationToken)
    {
        var index = 0;
        try
        {
            await foreach (var line in data.LogAsync(tenant, name, follow: true, cancellationToken))
            {
                if (index >= from)
                    await stream.SendAsync("log", new { index, line });
                index++;
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    private static async Task<EventStream> StartAsync(HttpContext context)
    {
        context.Response.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-cache";
        context.Response.Headers["X-Accel-Buffering"] = "no";
        await context.Response.Body.FlushAsync(context.RequestAborted);
        return new EventStream(context.Response, context.RequestAborted);
    }

    /// <summary>Writes <c>event:</c>/<c>data:</c> frames; one writer at a time (progress and log share the stream).</summary>
    private sealed class EventStream(HttpResponse response, CancellationToken cancellationToken)
    {
        private readonly SemaphoreSlim _gate = new(1, 1);

        public async Task SendAsync<T>(string name, T payload)
        {
            var frame = $"event: {name}\ndata: {JsonSerializer.Serialize(payload, JsonSerializerOptions.Web)}\n\n";
            await _gate.WaitAsync(cancellationToken);
            try
            {
                await response.WriteAsync(frame, Encoding.UTF8, cancellationToken);
                await response.Body.FlushAsync(cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
            }
            finally
            {
                _gate.Release();
            }
        }
    }
}
