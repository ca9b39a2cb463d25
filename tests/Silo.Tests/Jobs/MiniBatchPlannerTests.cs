using OrleansBatch.Grains;
using OrleansBatch.Grains.Domain.Jobs;
using OrleansBatch.Abstractions;

namespace OrleansBatch.Silo.Tests.Jobs;

public class MiniBatchPlannerTests
{
    private static List<JobInputFile> Files(params (string Name, long Length)[] files) =>
        files.Select(f => new JobInputFile(f.Name, "/data/" + f.Name, f.Length)).ToList();

    [Fact]
    public void Counts_files_per_mini_batch_in_the_given_order()
    {
        var files = Files(("a.png", 10), ("b.png", 10), ("c.png", 10), ("d.png", 10), ("e.png", 10), ("f.png", 10), ("g.png", 10));

        var plan = MiniBatchPlanner.Plan(files, new MiniBatchSize(MiniBatchSizeKind.Files, 3));

        Assert.Equal(3, plan.MiniBatchCount);
        Assert.Empty(plan.Segments);
        Assert.Equal([0, 1, 2], plan.SlicesOf(0, files).Select(s => s.FileIndex));
        Assert.Equal([3, 4, 5], plan.SlicesOf(1, files).Select(s => s.FileIndex));
        Assert.Equal([6], plan.SlicesOf(2, files).Select(s => s.FileIndex));
        Assert.All(plan.SlicesOf(1, files), s => Assert.Equal((0L, -1L), (s.Offset, s.Length)));
    }

    [Fact]
    public void Cuts_tabular_files_into_byte_ranges_that_tile_each_file()
    {
        var files = Files(("big.csv", 2500), ("small.csv", 300), ("image.png", 5000), ("lines.jsonl", 1000));

        var plan = MiniBatchPlanner.Plan(files, new MiniBatchSize(MiniBatchSizeKind.Bytes, 1000));

        // big.csv: 3 ranges; small.csv: 1 whole; image.png: 1 whole (not tabular); lines.jsonl: exactly one chunk.
        Assert.Equal(6, plan.MiniBatchCount);
        Assert.Equal(4, plan.Segments.Count);
        var slices = Enumerable.Range(0, plan.MiniBatchCount).Select(i => Assert.Single(plan.SlicesOf(i, files))).ToList();
        Assert.Equal(new MiniBatchSlice(0, 0, 1000), slices[0]);
        Assert.Equal(new MiniBatchSlice(0, 1000, 1000), slices[1]);
        Assert.Equal(new MiniBatchSlice(0, 2000, 500), slices[2]);
        Assert.Equal(new MiniBatchSlice(1, 0, -1), slices[3]);
        Assert.Equal(new MiniBatchSlice(2, 0, -1), slices[4]);
        Assert.Equal(new MiniBatchSlice(3, 0, -1), slices[5]);
    }

    [Fact]
    public void Turns_rows_into_bytes_from_the_sampled_estimate()
    {
        var files = Files(("data.csv", 100_000));

        var plan = MiniBatchPlanner.Plan(files, new MiniBatchSize(MiniBatchSizeKind.Rows, 1000), _ => 20.0);

        // 1000 rows x 20 bytes = 20000 bytes per mini-batch -> 5 ranges.
        Assert.Equal(5, plan.MiniBatchCount);
        Assert.Equal(20_000, plan.Segments[0].ChunkBytes);
        Assert.Contains("bytes per row", plan.Note);
        Assert.Equal(new MiniBatchSlice(0, 80_000, 20_000), Assert.Single(plan.SlicesOf(4, files)));
    }

    [Fact]
    public void Stores_ranges_compactly_not_per_mini_batch()
    {
        var files = Files(("huge.csv", 2L << 30));

        var plan = MiniBatchPlanner.Plan(files, new MiniBatchSize(MiniBatchSizeKind.Bytes, 1L << 20));

        Assert.Equal(2048, plan.MiniBatchCount);
        Assert.Single(plan.Segments);
    }

    [Fact]
    public void An_empty_input_is_a_clear_error()
    {
        var error = Assert.Throws<DomainException>(() => MiniBatchPlanner.Plan([], MiniBatchSize.Default));

        Assert.Equal("InputNotFound", error.Code);
    }
}
