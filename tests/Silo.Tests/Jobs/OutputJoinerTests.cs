using System.Text;
using OrleansBatch.Grains.Domain.Jobs;
using OrleansBatch.Grains.Providers;
using OrleansBatch.Storage.Azure;
using OrleansBatch.Storage.Local;
using OrleansBatch.Storage.Tests.Azure;

namespace OrleansBatch.Silo.Tests.Jobs;

public class OutputJoinerTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static MiniBatchResult Result(int index, bool ok, params MiniBatchSegment[] segments) =>
        new(index, ok, ok ? $"p{index}" : null, segments, ["label", "p0"], 0, 0, 1, 1, [], 0, "w", DateTimeOffset.UnixEpoch);

    [Fact]
    public void Header_lists_identity_then_model_columns()
    {
        Assert.Equal("file_name,row,label,\"p,1\"", OutputJoiner.Header(["label", "p,1"]));
    }

    [Fact]
    public async Task Staging_the_prefix_in_rounds_then_committing_equals_one_join_and_nothing_shows_before_the_commit()
    {
        await WithLocalStoreAsync(StageInRoundsThenCommitAsync);
    }

    [Fact]
    public async Task Blob_storage_stages_the_rewritten_parts_as_they_stream()
    {
        var backend = new AzureStorageBackend(new AzureStorageOptions { ConnectionString = azurite.ConnectionString, ContainerPrefix = "j" + Guid.NewGuid().ToString("N")[..10] });
        await StageInRoundsThenCommitAsync(new BlobArtifactStore(backend));
    }

    private static async Task StageInRoundsThenCommitAsync(IArtifactStore store)
    {
        var files = new List<JobInputFile> { new("a.csv", "/x", 100), new("b.csv", "/y", 100) };
        // Mini-batch 1 failed (its 2 rows still count), 3 spans both files.
        var results = new List<MiniBatchResult>
        {
            Result(0, true, new MiniBatchSegment(0, 2, 2)),
            Result(1, false, new MiniBatchSegment(0, 0, 2)),
            Result(2, true, new MiniBatchSegment(0, 1, 1)),
            Result(3, true, new MiniBatchSegment(0, 1, 1), new MiniBatchSegment(1, 2, 2)),
        };
        foreach (var (path, text) in new[] { ("p0", "0,x\n1,y\n"), ("p2", "0,z\n"), ("p3", "0,u\n0,v\n1,w\n") })
            await store.WriteAsync(path, new MemoryStream(Encoding.UTF8.GetBytes(text)), overwrite: false);

        var joiner = new OutputJoiner(store);
        var rowBase = new long[files.Count];
        await joiner.StagePartsAsync("out/staged.csv", results[..2], files, rowBase, CancellationToken.None);
        // Restaging a round (a resumed owner) replaces the same blocks.
        await joiner.StagePartsAsync("out/staged.csv", results[..2], files, new long[files.Count], CancellationToken.None);
        await joiner.StagePartsAsync("out/staged.csv", results[2..], files, rowBase, CancellationToken.None);
        Assert.Null(await store.GetInfoAsync("out/staged.csv"));

        var staged = await joiner.CommitAsync("out/staged.csv", results, overwrite: false, CancellationToken.None);
        var joined = await joiner.JoinAsync("out/joined.csv", results, files, overwrite: false, CancellationToken.None);

        var expected = "file_name,row,label,p0\na.csv,0,x\na.csv,1,y\na.csv,4,z\na.csv,5,u\nb.csv,0,v\nb.csv,1,w\n";
        Assert.Equal(expected, await ReadAsync(store, "out/staged.csv"));
        Assert.Equal(expected, await ReadAsync(store, "out/joined.csv"));
        Assert.Equal(6, staged);
        Assert.Equal(6, joined);
        Assert.Equal([6L, 2L], rowBase);
    }

    [Fact]
    public async Task Small_inline_parts_share_blocks_staged_in_rounds_as_results_arrive_in_any_order_and_the_output_is_the_same()
    {
        await WithLocalStoreAsync(async store =>
        {
            var files = new List<JobInputFile> { new("a.csv", "/x", 1000) };
            // 100 mini-batches of 3 rows: most parts inline, every 7th in an artifact (small, so it shares a block, except
            // every 21st, which says it is large), every 11th failed.
            var results = new List<MiniBatchResult>();
            var expected = new StringBuilder("file_name,row,label,p0\n");
            for (var i = 0; i < 100; i++)
            {
                var lines = string.Concat(Enumerable.Range(0, 3).Select(k => $"{k},v{i}-{k}\n"));
                var failed = i % 11 == 5;
                string? partPath = null, inline = null;
                if (!failed && i % 7 == 3)
                    await store.WriteAsync(partPath = $"parts/{i}", new MemoryStream(Encoding.UTF8.GetBytes(lines)), overwrite: false);
                else if (!failed)
                    inline = lines;
                var bytes = failed ? 0 : i % 21 == 3 ? OutputJoiner.MaxSmallPartBytes + 1 : Encoding.UTF8.GetByteCount(lines);
                results.Add(new MiniBatchResult(i, !failed, partPath, [new MiniBatchSegment(0, failed ? 0 : 3, 3)], ["label", "p0"], 0, 0, 1, 1, [], 0, "w", DateTimeOffset.UnixEpoch, inline, bytes));
                for (var k = 0; k < 3 && !failed; k++)
                    expected.Append($"a.csv,{3 * i + k},v{i}-{k}\n");
            }

            // Results arrive in a shuffled order; after each, the owner stages the recorded prefix up to a block boundary.
            var joiner = new OutputJoiner(store);
            var recorded = new HashSet<int>();
            var (next, rowBase, ends) = (0, new long[1], new List<int>());
            foreach (var i in Enumerable.Range(0, 100).OrderBy(i => (i * 37) % 101))
            {
                recorded.Add(i);
                var end = next;
                while (recorded.Contains(end))
                    end++;
                end = OutputJoiner.RoundEnd(next, end, results.Count, x => results[x]);
                if (end == next)
                    continue;
                await joiner.StagePartsAsync("out/rounds.csv", results[next..end], files, rowBase, CancellationToken.None);
                ends.Add(end);
                next = end;
            }
            await joiner.CommitAsync("out/rounds.csv", results, overwrite: false, CancellationToken.None);
            var joined = await joiner.JoinAsync("out/joined.csv", results, files, overwrite: false, CancellationToken.None);

            Assert.Equal(100, next);
            // A round ends only where no block can still grow: a window boundary, the end, or after a large part or none.
            Assert.All(ends, e => Assert.True(e % OutputJoiner.SmallPartsPerBlock == 0 || e == 100 || !results[e - 1].HasOutput || results[e - 1].PartBytes > OutputJoiner.MaxSmallPartBytes, $"round ended at {e}"));
            Assert.Equal(expected.ToString(), await ReadAsync(store, "out/rounds.csv"));
            Assert.Equal(expected.ToString(), await ReadAsync(store, "out/joined.csv"));
            Assert.Equal(results.Where(r => r.Succeeded).Sum(r => 3L), joined);
        });
    }

    [Fact]
    public async Task A_short_part_fails_the_staging()
    {
        await WithLocalStoreAsync(async store =>
        {
            await store.WriteAsync("p0", new MemoryStream(Encoding.UTF8.GetBytes("0,x\n")), overwrite: false);

            var error = await Assert.ThrowsAsync<InvalidDataException>(() => new OutputJoiner(store).StagePartsAsync(
                "out/short.csv", [Result(0, true, new MiniBatchSegment(0, 2, 2))], [new("a.csv", "/x", 100)], new long[1], CancellationToken.None));

            Assert.Equal("Output part of mini-batch 0 ends after 1 of 2 lines for a.csv.", error.Message);
        });
    }

    /// <summary>Runs <paramref name="test"/> on a Local artifact store in a fresh temporary data directory.</summary>
    private static async Task WithLocalStoreAsync(Func<IArtifactStore, Task> test)
    {
        var dir = Path.Combine(Path.GetTempPath(), "obatch-tests", Guid.NewGuid().ToString("N"));
        try
        {
            using var database = new LocalDatabase(new LocalStorageOptions { DataDirectory = dir });
            await test(new FileArtifactStore(database));
        }
        finally
        {
            if (Directory.Exists(dir))
                Directory.Delete(dir, recursive: true);
        }
    }

    private static async Task<string> ReadAsync(IArtifactStore store, string path)
    {
        await using var stream = await store.OpenReadAsync(path);
        using var reader = new StreamReader(stream);
        return await reader.ReadToEndAsync();
    }
}
