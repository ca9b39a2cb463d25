namespace OrleansBatch.Api.Jobs;

/// <summary>Mini-batches by state.</summary>
public sealed record JobMiniBatchCounts(int Total, int Pending, int Running, int Succeeded, int Failed);
