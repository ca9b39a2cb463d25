using OrleansBatch.Grains.Providers;
using OrleansBatch.Storage.Local;
using OrleansBatch.Storage.Tests.Conformance;

namespace OrleansBatch.Storage.Tests.Local;

public sealed class FileArtifactStoreTests : ArtifactStoreConformance, IDisposable
{
    private readonly LocalDataDirectory _data = new();

    protected override IArtifactStore CreateStore() => new FileArtifactStore(_data.Open());

    [Fact]
    public async Task The_local_path_is_the_file_under_the_files_folder()
    {
        var store = CreateStore();
        await store.WriteAsync($"{Root}/m/model.onnx", Text("onnx"), overwrite: false);

        var local = store.TryGetLocalPath($"{Root}/m/model.onnx");

        Assert.Equal(Path.Combine(_data.Path, "files", Root, "m", "model.onnx"), local);
        Assert.Equal("onnx", File.ReadAllText(local!));
    }

    [Fact]
    public void The_local_path_of_an_escaping_path_is_refused()
    {
        var store = CreateStore();

        Assert.Throws<ArgumentException>(() => store.TryGetLocalPath("../obatch.db"));
    }

    [Fact]
    public async Task Committing_removes_the_staged_blocks_and_leaves_no_temporary_files()
    {
        var store = CreateStore();
        await store.StageBlockAsync($"{Root}/out.csv", "a", Text("a"));
        await store.StageBlockAsync($"{Root}/out.csv", "b", Text("b"));
        await store.StageBlockAsync($"{Root}/out.csv", "unused", Text("c"));
        await store.WriteAsync($"{Root}/other.csv", Text("x"), overwrite: false);

        await store.CommitBlocksAsync($"{Root}/out.csv", ["a", "b"], overwrite: false);

        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.Combine(_data.Path, "staging")));
        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.Combine(_data.Path, "tmp")));
        await Assert.ThrowsAsync<ArgumentException>(() => store.CommitBlocksAsync($"{Root}/out.csv", ["a", "b"], overwrite: true));
    }

    [Fact]
    public async Task A_refused_write_leaves_no_temporary_file()
    {
        var store = CreateStore();
        await store.WriteAsync($"{Root}/a.txt", Text("a"), overwrite: false);

        await Assert.ThrowsAsync<IOException>(() => store.WriteAsync($"{Root}/a.txt", Text("b"), overwrite: false));

        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.Combine(_data.Path, "tmp")));
    }

    [Fact]
    public void Opening_the_store_removes_temporary_files_abandoned_long_ago_and_keeps_recent_ones()
    {
        CreateStore();
        var temp = Path.Combine(_data.Path, "tmp");
        var abandoned = Path.Combine(temp, "abandoned");
        var recent = Path.Combine(temp, "recent");
        File.WriteAllText(abandoned, "half a file");
        File.WriteAllText(recent, "being written");
        File.SetLastWriteTimeUtc(abandoned, DateTime.UtcNow - FileArtifactStore.AbandonedTempFileAge - TimeSpan.FromHours(1));

        CreateStore();

        Assert.False(File.Exists(abandoned));
        Assert.True(File.Exists(recent));
    }

    public void Dispose() => _data.Dispose();
}
