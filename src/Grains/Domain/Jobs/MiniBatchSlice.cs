using OrleansBatch.Abstractions;
namespace OrleansBatch.Grains.Domain.Jobs;

/// <summary>A piece of one mini-batch: file <paramref name="FileIndex"/> of the job, bytes from <paramref name="Offset"/> (<paramref name="Length"/> -1: the whole file).</summary>
public sealed record MiniBatchSlice(int FileIndex, long Offset, long Length);
