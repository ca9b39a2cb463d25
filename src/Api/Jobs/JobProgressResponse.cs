namespace OrleansBatch.Api.Jobs;

/// <summary>A job's progress counters.</summary>
public sealed record JobProgressResponse(JobMiniBatchCounts MiniBatches, JobItemCounts Items, long RowsWritten, double Percent, double? EtaSeconds);
