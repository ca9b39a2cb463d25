namespace OrleansBatch.Client.Jobs;

/// <summary>Items (files, or rows of tabular input) scored and failed.</summary>
public sealed record BatchJobItems(long Succeeded, long Failed);
