using System.Diagnostics;
using Microsoft.Extensions.Logging;
using OrleansBatch.Abstractions.Jobs;
using OrleansBatch.Grains.Domain.Jobs;
using OrleansBatch.Scoring.Telemetry;

namespace OrleansBatch.Silo.Telemetry;

/// <summary>
/// A job's trace and its metrics, in one place so the job and worker code adds a line, not a block. The invoke
/// request's context is stored on the job (<see cref="JobState.TraceParent"/>); each owner run of the job is a span of
/// that trace (<c>job.run</c>), and planning, the ordered join and finalize are its children. Each mini-batch
/// (<c>minibatch.run</c>, on whichever silo) is a child of the grain call that placed it: Orleans carries the caller's
/// context in the <c>RequestContext</c> (<c>AddActivityPropagation</c>), so the chain holds across silos. Each scoring
/// attempt (<c>minibatch.score</c>) is a child of its mini-batch.
/// </summary>
public static class JobTelemetry
{
    /// <summary>The platform's activity source, to add to a tracer provider (<c>AddSource</c>).</summary>
    public const string SourceName = PlatformMetrics.MeterName;

    private static readonly ActivitySource Source = new(SourceName, "1.0");

    private static readonly Func<ILogger, string, string, IDisposable?> JobScope =
        LoggerMessage.DefineScope<string, string>("Tenant {Tenant} job {JobId}");

    /// <summary>The current activity's W3C <c>traceparent</c>, to store on a job being created; null when nothing traces.</summary>
    public static string? CurrentTraceParent() => Activity.Current is { IdFormat: ActivityIdFormat.W3C } current ? current.Id : null;

    /// <summary>The trace id of a stored <c>traceparent</c> (32 hex digits), or null.</summary>
    public static string? TraceIdOf(string? traceParent) =>
        ActivityContext.TryParse(traceParent, null, out var context) ? context.TraceId.ToHexString() : null;

    /// <summary>The end of the job log's first line: <c>; trace {trace id}</c>, or nothing when the job has no trace.</summary>
    public static string TraceNote(JobState job) => TraceIdOf(job.TraceParent) is { } traceId ? $"; trace {traceId}" : "";

    /// <summary>Puts tenant and job in the logging scope of what follows (with the trace and span ids the logger factory adds).</summary>
    public static IDisposable? BeginJobScope(ILogger logger, string tenant, string job) => JobScope(logger, tenant, job);

    /// <summary>Starts this owner's run of <paramref name="job"/>: a child of the invoke request that created it.</summary>
    public static Activity? StartRun(JobState job, string silo)
    {
        ActivityContext.TryParse(job.TraceParent, null, out var parent);
        var activity = Source.StartActivity("job.run", ActivityKind.Internal, parent);
        activity?.SetTag("obatch.tenant", job.Tenant);
        activity?.SetTag("obatch.job", job.Name);
        activity?.SetTag("obatch.deployment", $"{job.Spec.Endpoint}/{job.Spec.Deployment}@{job.Spec.DeploymentVersion}");
        activity?.SetTag("obatch.silo", silo);
        activity?.SetTag("obatch.resumed", job.Plan is not null);
        return activity;
    }

    /// <summary>Starts a step of the current job run: <c>job.plan</c>, <c>job.join</c> or <c>job.finalize</c>.</summary>
    public static Activity? StartStep(string name) => Source.StartActivity(name, ActivityKind.Internal);

    /// <summary>Starts a mini-batch on <paramref name="silo"/> as a child of <paramref name="placedBy"/> (the grain call that placed it).</summary>
    public static Activity? StartMiniBatch(MiniBatchWork work, ActivityContext placedBy, string silo)
    {
        var activity = Source.StartActivity("minibatch.run", ActivityKind.Internal, placedBy);
        activity?.SetTag("obatch.tenant", work.Tenant);
        activity?.SetTag("obatch.job", work.Job);
        activity?.SetTag("obatch.minibatch", work.Index);
        activity?.SetTag("obatch.silo", silo);
        return activity;
    }

    /// <summary>Starts one scoring attempt of the current mini-batch.</summary>
    public static Activity? StartScoring(MiniBatchWork work, int attempt)
    {
        var activity = Source.StartActivity("minibatch.score", ActivityKind.Internal);
        activity?.SetTag("obatch.minibatch", work.Index);
        activity?.SetTag("obatch.attempt", attempt);
        return activity;
    }

    /// <summary>A scoring attempt failed: an event on the mini-batch's span (its code only, never a path or a key).</summary>
    public static void AttemptFailed(int attempt, string code) =>
        Activity.Current?.AddEvent(new ActivityEvent("attempt failed", tags: new ActivityTagsCollection { ["obatch.attempt"] = attempt, ["obatch.error_code"] = code }));

    /// <summary>A job reached <paramref name="status"/>: the jobs metric moves; a failed job's run span is marked failed.</summary>
    public static void JobReached(JobState job, JobStatus status)
    {
        PlatformMetrics.JobReached(job.Tenant, Deployment(job.Spec.Endpoint, job.Spec.Deployment), status.ToString());
        if (status == JobStatus.Failed && Activity.Current is { } current && current.Source == Source)
            current.SetStatus(ActivityStatusCode.Error, job.Error?.Code);
    }

    /// <summary>A mini-batch's result was recorded: the platform metrics move, and the current span says how it went.</summary>
    public static void MiniBatchRecorded(MiniBatchWork work, MiniBatchResult result)
    {
        PlatformMetrics.MiniBatchEnded(work.Tenant, Deployment(work.Endpoint, work.Deployment), result.Succeeded, result.Attempts,
            TimeSpan.FromMilliseconds(result.DurationMs), result.ItemsSucceeded, result.ItemsFailed, result.PartBytes);
        if (Activity.Current is { } current && current.Source == Source)
        {
            current.SetTag("obatch.items_succeeded", result.ItemsSucceeded);
            current.SetTag("obatch.items_failed", result.ItemsFailed);
            if (!result.Succeeded)
                current.SetStatus(ActivityStatusCode.Error, result.Errors.FirstOrDefault()?.Code);
        }
    }

    /// <summary>The <c>deployment</c> tag: endpoint and deployment, without the version (bounded by the deployments that exist).</summary>
    public static string Deployment(string endpoint, string deployment) => $"{endpoint}/{deployment}";
}
