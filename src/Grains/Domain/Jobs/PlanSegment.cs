using OrleansBatch.Abstractions;
namespace OrleansBatch.Grains.Domain.Jobs;

/// <summary>
/// One file's share of a range plan: mini-batches <paramref name="FirstMiniBatch"/> ..
/// <paramref name="FirstMiniBatch"/> + <paramref name="MiniBatchCount"/> - 1 each take
/// <paramref name="ChunkBytes"/> bytes of file <paramref name="FileIndex"/> (the last one to the end of the
/// file); <paramref name="ChunkBytes"/> -1 means the whole file as one mini-batch.
/// </summary>
[GenerateSerializer, Immutable, Alias("obatch.jobs.PlanSegment")]
public sealed record PlanSegment(int FileIndex, int FirstMiniBatch, int MiniBatchCount, long ChunkBytes);
