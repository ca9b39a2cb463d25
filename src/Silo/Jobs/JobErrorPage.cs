using OrleansBatch.Grains.Domain.Jobs;

namespace OrleansBatch.Silo.Jobs;

/// <summary>A page of a job's grouped error report: its <paramref name="Lines"/>, the job's failed items, the report's line count and the next page's token.</summary>
public sealed record JobErrorPage(IReadOnlyList<JobItemError> Lines, long TotalFailedItems, int Groups, string? Continuation);
