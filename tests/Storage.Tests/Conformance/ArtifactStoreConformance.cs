using System.Security.Cryptography;
using System.Text;
using OrleansBatch.Grains.Providers;

namespace OrleansBatch.Storage.Tests.Conformance;

/// <summary>The contract of <see cref="IArtifactStore"/>, run against every provider.</summary>
public abstract class ArtifactStoreConformance
{
    /// <summary>A new store instance on this test's backend (another silo when called twice).</summary>
    protected abstract IArtifactStore CreateStore();

    protected string Root { get; } = "tenants/t" + Guid.NewGuid().ToString("N")[..10];

    protected static MemoryStream Text(string text) => new(Encoding.UTF8.GetBytes(text));

    protected static async Task<string> ReadTextAsync(IArtifactStore store, string path)
    {
        await using var stream = await store.OpenReadAsync(path);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return await reader.ReadToEndAsync();
    }

    private static async Task<List<string>> ListAsync(IArtifactStore store, string prefix)
    {
        var paths = new List<string>();
        await foreach (var info in store.ListAsync(prefix))
            paths.Add(info.Path);
        return paths;
    }

    [Fact]
    public async Task A_written_file_reads_back_byte_for_byte_with_its_length()
    {
        var store = CreateStore();
        var bytes = RandomNumberGenerator.GetBytes(300_000);

        await store.WriteAsync($"{Root}/models/iris/1/model.onnx", new MemoryStream(bytes), overwrite: false);

        await using var read = await store.OpenReadAsync($"{Root}/models/iris/1/model.onnx");
        using var copy = new MemoryStream();
        await read.CopyToAsync(copy);
        Assert.Equal(bytes, copy.ToArray());
        var info = await store.GetInfoAsync($"{Root}/models/iris/1/model.onnx");
        Assert.Equal(($"{Root}/models/iris/1/model.onnx", 300_000L), (info!.Path, info.Length));
    }

    [Fact]
    public async Task An_absent_file_has_no_info_and_opening_it_is_file_not_found()
    {
        var store = CreateStore();

        Assert.Null(await store.GetInfoAsync($"{Root}/missing.csv"));
        await Assert.ThrowsAsync<FileNotFoundException>(() => store.OpenReadAsync($"{Root}/missing.csv"));
        await Assert.ThrowsAsync<FileNotFoundException>(() => store.OpenReadAsync($"{Root}/no/such/folder/missing.csv"));
    }

    [Fact]
    public async Task Writing_over_an_existing_file_without_overwrite_is_refused_and_keeps_the_file()
    {
        var store = CreateStore();
        await store.WriteAsync($"{Root}/out.csv", Text("first"), overwrite: false);

        await Assert.ThrowsAsync<IOException>(() => store.WriteAsync($"{Root}/out.csv", Text("second"), overwrite: false));

        Assert.Equal("first", await ReadTextAsync(store, $"{Root}/out.csv"));
    }

    [Fact]
    public async Task Writing_with_overwrite_replaces_the_file()
    {
        var store = CreateStore();
        await store.WriteAsync($"{Root}/out.csv", Text("first, and longer"), overwrite: false);

        await store.WriteAsync($"{Root}/out.csv", Text("second"), overwrite: true);

        Assert.Equal("second", await ReadTextAsync(CreateStore(), $"{Root}/out.csv"));
    }

    [Fact]
    public async Task Racing_writers_without_overwrite_on_two_silos_leave_exactly_one_whole_file()
    {
        var silos = new[] { CreateStore(), CreateStore() };

        var results = await Race.RunOrLoseAsync<IOException>(12, async i =>
        {
            await silos[i % 2].WriteAsync($"{Root}/once.txt", Text($"writer-{i}"), overwrite: false);
            return $"writer-{i}";
        });

        var winner = Assert.Single(results, r => r is not null);
        Assert.Equal(winner, await ReadTextAsync(silos[0], $"{Root}/once.txt"));
    }

    [Fact]
    public async Task Deleting_removes_the_file_and_deleting_an_absent_file_is_not_an_error()
    {
        var store = CreateStore();
        await store.WriteAsync($"{Root}/a.txt", Text("a"), overwrite: false);

        await store.DeleteAsync($"{Root}/a.txt");
        await store.DeleteAsync($"{Root}/a.txt");
        await store.DeleteAsync($"{Root}/never/was.txt");

        Assert.Null(await store.GetInfoAsync($"{Root}/a.txt"));
    }

    [Fact]
    public async Task Listing_a_folder_gives_every_file_below_it_in_ordinal_order()
    {
        var store = CreateStore();
        foreach (var path in new[] { "in/b.csv", "in/a.csv", "in/B.csv", "in/sub/z.csv", "in/a10.csv", "in/a2.csv", "input/x.csv", "other.csv" })
            await store.WriteAsync($"{Root}/{path}", Text(path), overwrite: false);

        var listed = await ListAsync(store, $"{Root}/in");
        var withSlash = await ListAsync(store, $"{Root}/in/");

        string[] expected = ["in/B.csv", "in/a.csv", "in/a10.csv", "in/a2.csv", "in/b.csv", "in/sub/z.csv"];
        Assert.Equal(expected.Select(p => $"{Root}/{p}"), listed);
        Assert.Equal(listed, withSlash);
        Assert.Empty(await ListAsync(store, $"{Root}/nothing-here"));
    }

    [Fact]
    public async Task Listed_files_carry_their_lengths()
    {
        var store = CreateStore();
        await store.WriteAsync($"{Root}/parts/0", Text("12345"), overwrite: false);
        await store.WriteAsync($"{Root}/parts/1", Text(""), overwrite: false);

        var infos = new List<ArtifactInfo>();
        await foreach (var info in store.ListAsync($"{Root}/parts"))
            infos.Add(info);

        Assert.Equal([($"{Root}/parts/0", 5L), ($"{Root}/parts/1", 0L)], infos.Select(i => (i.Path, i.Length)));
    }

    [Fact]
    public async Task Committed_blocks_are_joined_in_the_given_order_not_the_staging_order()
    {
        var silo1 = CreateStore();
        var silo2 = CreateStore();
        await silo1.StageBlockAsync($"{Root}/out.csv", "block-2", Text("row3\n"));
        await silo2.StageBlockAsync($"{Root}/out.csv", "block-0", Text("header\n"));
        await silo1.StageBlockAsync($"{Root}/out.csv", "block-1", Text("row1\nrow2\n"));

        await silo2.CommitBlocksAsync($"{Root}/out.csv", ["block-0", "block-1", "block-2"], overwrite: false);

        Assert.Equal("header\nrow1\nrow2\nrow3\n", await ReadTextAsync(silo1, $"{Root}/out.csv"));
    }

    [Fact]
    public async Task Staging_a_block_id_again_replaces_the_block()
    {
        var store = CreateStore();
        await store.StageBlockAsync($"{Root}/out.csv", "a", Text("old"));
        await store.StageBlockAsync($"{Root}/out.csv", "a", Text("new"));
        await store.StageBlockAsync($"{Root}/out.csv", "b", Text("!"));

        await store.CommitBlocksAsync($"{Root}/out.csv", ["a", "b"], overwrite: false);

        Assert.Equal("new!", await ReadTextAsync(store, $"{Root}/out.csv"));
    }

    [Fact]
    public async Task Committing_blocks_over_an_existing_file_needs_overwrite()
    {
        var store = CreateStore();
        await store.WriteAsync($"{Root}/out.csv", Text("existing"), overwrite: false);
        await store.StageBlockAsync($"{Root}/out.csv", "a", Text("joined"));

        await Assert.ThrowsAsync<IOException>(() => store.CommitBlocksAsync($"{Root}/out.csv", ["a"], overwrite: false));
        Assert.Equal("existing", await ReadTextAsync(store, $"{Root}/out.csv"));

        await store.CommitBlocksAsync($"{Root}/out.csv", ["a"], overwrite: true);
        Assert.Equal("joined", await ReadTextAsync(store, $"{Root}/out.csv"));
    }

    [Fact]
    public async Task Committing_a_block_that_was_never_staged_is_refused_and_writes_nothing()
    {
        var store = CreateStore();
        await store.StageBlockAsync($"{Root}/out.csv", "a", Text("a"));

        await Assert.ThrowsAsync<ArgumentException>(() => store.CommitBlocksAsync($"{Root}/out.csv", ["a", "missing"], overwrite: false));

        Assert.Null(await store.GetInfoAsync($"{Root}/out.csv"));
    }

    public static TheoryData<string> EscapingPaths =>
    [
        "",
        "../outside.txt",
        "a/../../outside.txt",
        "a/./b.txt",
        "/etc/passwd",
        "a\\b.txt",
        "a//b.txt",
        "a/",
    ];

    [Theory]
    [MemberData(nameof(EscapingPaths))]
    public async Task Paths_that_are_empty_absolute_or_climb_out_are_refused_with_a_message(string path)
    {
        var store = CreateStore();

        var write = await Assert.ThrowsAsync<ArgumentException>(() => store.WriteAsync(path, Text("x"), overwrite: true));
        await Assert.ThrowsAsync<ArgumentException>(() => store.OpenReadAsync(path));
        await Assert.ThrowsAsync<ArgumentException>(() => store.GetInfoAsync(path));
        await Assert.ThrowsAsync<ArgumentException>(() => store.DeleteAsync(path));
        await Assert.ThrowsAsync<ArgumentException>(() => store.StageBlockAsync(path, "a", Text("x")));
        await Assert.ThrowsAsync<ArgumentException>(() => store.CommitBlocksAsync(path, ["a"], overwrite: true));

        Assert.Contains("not allowed", write.Message);
    }

    [Theory]
    [InlineData("../")]
    [InlineData("a/../..")]
    [InlineData("/")]
    [InlineData("a\\b")]
    public async Task Listing_a_prefix_that_climbs_out_is_refused(string prefix)
    {
        var store = CreateStore();

        await Assert.ThrowsAsync<ArgumentException>(() => ListAsync(store, prefix));
    }
}
