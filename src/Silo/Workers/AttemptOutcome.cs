using OrleansBatch.Grains.Domain.Jobs;

namespace OrleansBatch.Silo.Workers;

/// <summary>What one attempt at a mini-batch produced: a part file on local disk (deleted by whoever is done with it), its manifest and item errors.</summary>
public sealed record AttemptOutcome(
    string PartFile, IReadOnlyList<MiniBatchSegment> Segments, IReadOnlyList<string> Columns, long ItemsSucceeded, long ItemsFailed,
    IReadOnlyList<JobItemError> Errors, long ErrorsOmitted);
