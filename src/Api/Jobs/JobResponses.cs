using OrleansBatch.Grains.Domain.Jobs;
using OrleansBatch.Silo.Inputs;
using OrleansBatch.Silo.Telemetry;

namespace OrleansBatch.Api.Jobs;

/// <summary>Maps job state to the response contract.</summary>
public static class JobResponses
{
    /// <summary>The job as shown: URLs without their query (a SAS is never shown, even one stored before redaction at invoke).</summary>
    public static JobResponse Of(JobState job, DateTimeOffset now)
    {
        var spec = job.Spec;
        var s = spec.Settings;
        var p = job.Counters;
        var elapsed = now - (job.StartedAt ?? now);
        // From the URI as given: the stored path of a container output carries its SAS.
        var fileName = spec.Output.Uri[(spec.Output.Uri.LastIndexOf('/') + 1)..];
        return new JobResponse(
            job.Name, spec.Endpoint, spec.Deployment, spec.DeploymentVersion, job.Status.ToString(),
            spec.Inputs.ToDictionary(i => i.Name, i => new JobInputResponse(i.Type, SasRedaction.Url(i.Uri), i.Files.Count)),
            new JobOutputResponse(SasRedaction.Url(spec.Output.Uri), SasRedaction.Url(fileName), spec.Output.Policy.ToString().ToLowerInvariant(), $"/v1/jobs/{job.Name}/outputs/score"),
            new JobSettingsResponse(
                s.MiniBatchSize.Kind == MiniBatchSizeKind.Files ? s.MiniBatchSize.Value : s.MiniBatchSize.ToString(),
                s.InstanceCount, s.MaxConcurrencyPerInstance, new JobRetrySettingsResponse(s.MaxRetries, s.TimeoutSeconds), s.ErrorThreshold,
                s.LoggingLevel, s.OutputAction == OutputAction.AppendRow ? "append_row" : "summary_only", s.OutputFileName,
                s.InputColumns, s.PassthroughColumns, s.OutputFormat),
            new JobProgressResponse(
                new JobMiniBatchCounts(p.Total, p.Pending, p.Running, p.Succeeded, p.Failed),
                new JobItemCounts(p.ItemsSucceeded, p.ItemsFailed), p.RowsWritten, p.Percent,
                job.Status.IsTerminal() ? 0 : p.EtaSeconds(elapsed)),
            job.Error is { } e ? new JobErrorResponse(e.Code, SasRedaction.Text(e.Message)) : null,
            job.CreatedAt, job.StartedAt, job.EndedAt, JobTelemetry.TraceIdOf(job.TraceParent));
    }

    /// <summary>One line of <c>GET /v1/jobs/{name}/errors</c>.</summary>
    public static JobItemErrorResponse Error(JobItemError e) =>
        new(e.MiniBatch, e.FileName, e.Row, e.RowCount, e.Attempt, e.Code, SasRedaction.Text(e.Message), e.Column, e.Value, e.Count, e.Row, e.LastRowCovered);
}
