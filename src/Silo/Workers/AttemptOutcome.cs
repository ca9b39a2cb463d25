using OrleansBatch.Grains.Domain.Jobs;

namespace OrleansBatch.Silo.Workers;

/// <summary>What one attempt at a mini-batch produced: its output part (in memory: a part is as small as its mini-batch's output; read from the start), the part's manifest and item errors.</summary>
public sealed record AttemptOutcome(
    PartBuffer Part, IReadOnlyList<MiniBatchSegment> Segments, IReadOnlyList<string> Columns, long ItemsSucceeded, long ItemsFailed,
    IReadOnlyList<JobItemError> Errors, long ErrorsOmitted);
