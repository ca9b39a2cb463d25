using OrleansBatch.Abstractions.Jobs;

namespace OrleansBatch.Samples.OrleansClient;

/// <summary>Prints each reading of a job (status, percent, mini-batches, rows) as it comes, in order.</summary>
internal sealed class JobProgressPrinter(TextWriter output) : IProgress<JobInfo>
{
    public void Report(JobInfo value)
    {
        var p = value.Progress;
        output.WriteLine($"  {value.Status,-10} {p.Percent,5:0.0}%  mini-batches {p.MiniBatchesSucceeded + p.MiniBatchesFailed}/{p.MiniBatchesTotal}  rows {p.RowsWritten}");
    }
}
