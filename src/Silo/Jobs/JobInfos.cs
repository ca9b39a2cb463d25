using OrleansBatch.Abstractions.Jobs;
using OrleansBatch.Grains.Domain.Jobs;
using OrleansBatch.Silo.Inputs;

namespace OrleansBatch.Silo.Jobs;

/// <summary>Maps a job's state to what Orleans clients see (<see cref="JobInfo"/>): URLs without their query, as REST shows them.</summary>
public static class JobInfos
{
    public static JobInfo Of(JobState job, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(job);
        var p = job.Counters;
        var elapsed = now - (job.StartedAt ?? now);
        return new JobInfo(
            job.Name, job.Spec.Endpoint, job.Spec.Deployment, job.Spec.DeploymentVersion, job.Status.ToString(),
            new JobProgressInfo(p.Total, p.Pending, p.Running, p.Succeeded, p.Failed, p.ItemsSucceeded, p.ItemsFailed, p.RowsWritten, p.Percent,
                job.Status.IsTerminal() ? 0 : p.EtaSeconds(elapsed)),
            SasRedaction.Url(job.Spec.Output.Uri),
            job.Error is { } e ? new JobErrorInfo(e.Code, SasRedaction.Text(e.Message)) : null,
            job.CreatedAt, job.StartedAt, job.EndedAt);
    }

    /// <summary>One line of the error report.</summary>
    public static JobItemErrorInfo Error(JobItemError e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new(e.MiniBatch, e.FileName, e.Row, e.LastRowCovered, e.Count, e.Attempt, e.Code, SasRedaction.Text(e.Message), e.Column);
    }
}
