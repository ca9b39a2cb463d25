namespace OrleansBatch.Client.Jobs;

/// <summary>Mini-batches of a job by state.</summary>
public sealed record BatchJobMiniBatches(int Total, int Pending, int Running, int Succeeded, int Failed);
