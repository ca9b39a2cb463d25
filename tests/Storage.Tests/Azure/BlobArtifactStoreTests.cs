using System.Security.Cryptography;
using OrleansBatch.Grains.Providers;
using OrleansBatch.Storage.Azure;
using OrleansBatch.Storage.Tests.Conformance;

namespace OrleansBatch.Storage.Tests.Azure;

public sealed class BlobArtifactStoreTests(AzuriteFixture azurite) : ArtifactStoreConformance, IClassFixture<AzuriteFixture>
{
    private readonly AzureStorageScope _scope = new(azurite);

    protected override IArtifactStore CreateStore() => new BlobArtifactStore(_scope.Open());

    [Fact]
    public async Task A_file_larger_than_one_block_is_written_in_blocks_and_reads_back_whole()
    {
        var store = CreateStore();
        var bytes = RandomNumberGenerator.GetBytes(BlobArtifactStore.WriteBlockSize * 2 + 12345);

        await store.WriteAsync($"{Root}/big.bin", new MemoryStream(bytes), overwrite: false);
        var again = await Assert.ThrowsAsync<IOException>(() => store.WriteAsync($"{Root}/big.bin", new MemoryStream(bytes), overwrite: false));

        await using var read = await CreateStore().OpenReadAsync($"{Root}/big.bin");
        using var copy = new MemoryStream();
        await read.CopyToAsync(copy);
        Assert.Equal(bytes, copy.ToArray());
        Assert.Equal(bytes.Length, (await store.GetInfoAsync($"{Root}/big.bin"))!.Length);
        Assert.Contains("overwrite", again.Message);
    }

    [Fact]
    public async Task Paths_with_spaces_and_unicode_are_stored_under_their_own_names()
    {
        var store = CreateStore();
        var path = $"{Root}/in put/data 1+2 %20 ü.csv";

        await store.WriteAsync(path, Text("x"), overwrite: false);

        Assert.Equal("x", await ReadTextAsync(store, path));
        var listed = new List<string>();
        await foreach (var info in store.ListAsync($"{Root}/in put"))
            listed.Add(info.Path);
        Assert.Equal([path], listed);
    }

    [Fact]
    public void Blobs_have_no_local_path()
    {
        var store = CreateStore();

        Assert.Null(store.TryGetLocalPath($"{Root}/model.onnx"));
        Assert.Throws<ArgumentException>(() => store.TryGetLocalPath("../escape"));
    }
}
