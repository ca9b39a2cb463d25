namespace OrleansBatch.Api.Jobs;

/// <summary>Items (files, or rows of tabular input) scored and failed.</summary>
public sealed record JobItemCounts(long Succeeded, long Failed);
