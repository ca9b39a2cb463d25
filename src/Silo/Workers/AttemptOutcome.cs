using OrleansBatch.Grains.Domain.Jobs;

namespace OrleansBatch.Silo.Workers;

/// <summary>
/// What one attempt at a mini-batch produced: its output part (in memory: a part is as small as its mini-batch's output; read from the start),
/// the part's manifest, item errors, and the scorer's notes for the job log (only from the job's first file, so a job logs them once).
/// </summary>
public sealed record AttemptOutcome(
    PartBuffer Part, IReadOnlyList<MiniBatchSegment> Segments, IReadOnlyList<string> Columns, long ItemsSucceeded, long ItemsFailed,
    IReadOnlyList<JobItemError> Errors, long ErrorsOmitted, IReadOnlyList<string> Notes);
