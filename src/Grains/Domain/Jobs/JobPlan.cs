using OrleansBatch.Abstractions;
namespace OrleansBatch.Grains.Domain.Jobs;

/// <summary>
/// The split of a job's input into mini-batches, stored compactly: for file inputs just the number of
/// files per mini-batch; for tabular inputs one <see cref="PlanSegment"/> per file (a chunk size and a
/// count), never one record per row or per range.
/// </summary>
/// <param name="FilesPerMiniBatch">Files per mini-batch when the plan counts files; 0 for a range plan.</param>
/// <param name="FileCount">Number of input files.</param>
/// <param name="Segments">Per-file ranges when the plan cuts tabular files; empty when it counts files.</param>
/// <param name="MiniBatchCount">Total mini-batches.</param>
/// <param name="Note">How the plan was made (e.g. the rows-to-bytes estimate), for the job log.</param>
[GenerateSerializer, Immutable, Alias("obatch.jobs.JobPlan")]
public sealed record JobPlan(int FilesPerMiniBatch, int FileCount, IReadOnlyList<PlanSegment> Segments, int MiniBatchCount, string Note)
{
    /// <summary>The slices of mini-batch <paramref name="index"/> (0-based), given the files' lengths.</summary>
    public IReadOnlyList<MiniBatchSlice> SlicesOf(int index, IReadOnlyList<JobInputFile> files)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, MiniBatchCount);
        if (FilesPerMiniBatch > 0)
        {
            var first = index * FilesPerMiniBatch;
            var count = Math.Min(FilesPerMiniBatch, FileCount - first);
            return Enumerable.Range(first, count).Select(f => new MiniBatchSlice(f, 0, -1)).ToList();
        }

        var segment = FindSegment(index);
        if (segment.ChunkBytes < 0)
            return [new MiniBatchSlice(segment.FileIndex, 0, -1)];
        var j = index - segment.FirstMiniBatch;
        var offset = j * segment.ChunkBytes;
        var length = j == segment.MiniBatchCount - 1 ? files[segment.FileIndex].Length - offset : segment.ChunkBytes;
        return [new MiniBatchSlice(segment.FileIndex, offset, length)];
    }

    private PlanSegment FindSegment(int index)
    {
        // Segments are in mini-batch order: binary search the last one starting at or before index.
        int lo = 0, hi = Segments.Count - 1;
        while (lo < hi)
        {
            var mid = (lo + hi + 1) / 2;
            if (Segments[mid].FirstMiniBatch <= index) lo = mid; else hi = mid - 1;
        }
        return Segments[lo];
    }
}
