namespace OrleansBatch.Abstractions.Jobs;

/// <summary>A job's counters: mini-batches, items (rows of tabular input, files of file input), rows written, percent and ETA.</summary>
[GenerateSerializer, Immutable, Alias("obatch.JobProgressInfo")]
public sealed record JobProgressInfo(
    int MiniBatchesTotal,
    int MiniBatchesPending,
    int MiniBatchesRunning,
    int MiniBatchesSucceeded,
    int MiniBatchesFailed,
    long ItemsSucceeded,
    long ItemsFailed,
    long RowsWritten,
    double Percent,
    double? EtaSeconds);
