using OrleansBatch.Grains.Domain.Jobs;

namespace OrleansBatch.Silo.Jobs;

/// <summary>One page of jobs, newest first; <see cref="Continuation"/> is null on the last page.</summary>
public sealed record JobPage(IReadOnlyList<JobState> Items, string? Continuation);
