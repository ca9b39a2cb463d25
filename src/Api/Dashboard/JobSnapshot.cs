using OrleansBatch.Grains.Domain.Jobs;

namespace OrleansBatch.Api.Dashboard;

/// <summary>What a page shows of a job's progress, sent as server-sent events (camelCase JSON) to update it in place.</summary>
public sealed record JobSnapshot(
    string Name, string Status, bool Terminal, double Percent, int Total, int Pending, int Running, int Succeeded, int Failed,
    long ItemsSucceeded, long ItemsFailed, long RowsWritten, double? EtaSeconds, long At)
{
    public static JobSnapshot Of(JobState job, DateTimeOffset now)
    {
        var p = job.Counters;
        var terminal = job.Status.IsTerminal();
        return new JobSnapshot(job.Name, job.Status.ToString(), terminal, terminal && job.Status == JobStatus.Completed ? 100 : p.Percent,
            p.Total, p.Pending, p.Running, p.Succeeded, p.Failed, p.ItemsSucceeded, p.ItemsFailed, p.RowsWritten,
            terminal ? null : p.EtaSeconds(now - (job.StartedAt ?? now)), now.ToUnixTimeMilliseconds());
    }
}
