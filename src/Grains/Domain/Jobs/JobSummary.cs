using OrleansBatch.Abstractions;
namespace OrleansBatch.Grains.Domain.Jobs;

/// <summary>What a finished job did, written as the <c>summary_only</c> output and kept on the job.</summary>
[GenerateSerializer, Immutable, Alias("obatch.jobs.JobSummary")]
public sealed record JobSummary(
    string Job,
    string Status,
    int MiniBatches,
    int MiniBatchesSucceeded,
    int MiniBatchesFailed,
    long ItemsSucceeded,
    long ItemsFailed,
    long RowsWritten,
    double DurationSeconds,
    IReadOnlyList<string> OutputColumns);
