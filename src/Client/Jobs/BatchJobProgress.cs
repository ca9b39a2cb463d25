namespace OrleansBatch.Client.Jobs;

/// <summary>A job's counters: mini-batches by state, items scored and failed, rows written, percent done and an estimate of the time left.</summary>
public sealed record BatchJobProgress(BatchJobMiniBatches MiniBatches, BatchJobItems Items, long RowsWritten, double Percent, double? EtaSeconds);
