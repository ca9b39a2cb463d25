using OrleansBatch.Abstractions;
namespace OrleansBatch.Grains.Domain.Jobs;

/// <summary>
/// The manifest entry of one slice in a mini-batch's output part: which file, how many lines the part
/// holds for it (<paramref name="Lines"/>, scored rows) and how many data rows the slice owned
/// (<paramref name="Rows"/>, scored + failed), which the joiner adds to the file's running row base.
/// </summary>
[GenerateSerializer, Immutable, Alias("obatch.jobs.MiniBatchSegment")]
public sealed record MiniBatchSegment(int FileIndex, long Lines, long Rows);
