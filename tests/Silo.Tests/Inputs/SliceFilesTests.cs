using OrleansBatch.Abstractions.Jobs;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using OrleansBatch.Grains.Domain.Jobs;
using OrleansBatch.Silo.Inputs;
using OrleansBatch.Silo.Jobs;
using OrleansBatch.Silo.Workers;
using OrleansBatch.Storage.Azure;
using OrleansBatch.Storage.Tests.Azure;

namespace OrleansBatch.Silo.Tests.Inputs;

/// <summary>
/// Slices of inputs held in blobs (Azurite) are fetched into sparse local files that read exactly like the
/// original for the slice's range: the same rows owned, header and line boundaries included.
/// </summary>
public sealed class SliceFilesTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("obatch-slices-test-").FullName;

    [Fact]
    public async Task Every_byte_range_of_a_blob_csv_owns_the_same_rows_as_in_the_local_file()
    {
        var (store, _) = Store();
        var local = Path.Combine(_dir, "data.csv");
        var text = new StringBuilder("a,b,c\n");
        var random = new Random(7);
        for (var i = 0; i < 120; i++)
            text.Append(i).Append(',').Append(new string('x', random.Next(0, 90))).Append(",z").Append(i % 7 == 0 ? "\r\n" : "\n");
        await File.WriteAllTextAsync(local, text.ToString());
        await using (var content = File.OpenRead(local))
            await store.WriteAsync("in/data.csv", content, overwrite: true);
        var slices = new SliceFiles(store, NoAccount());
        var length = new FileInfo(local).Length;

        long total = 0;
        foreach (var size in new long[] { 29, 200, 4096 })
        {
            long rows = 0;
            for (long offset = 0; offset < length; offset += size)
            {
                using var staged = await slices.StageAsync(Work(new MiniBatchWorkSlice(0, "data.csv", "in/data.csv", true, offset, size)), CancellationToken.None);
                var expected = SliceLines.Count(local, "data.csv", offset, size);
                Assert.Equal(expected, SliceLines.Count(staged[0], "data.csv", offset, size));
                rows += expected;
            }
            Assert.Equal(120, rows);
            total += rows;
        }
        Assert.Equal(360, total);
    }

    [Fact]
    public async Task A_whole_file_is_fetched_whole_and_the_copies_are_deleted_on_dispose()
    {
        var (store, _) = Store();
        var bytes = new byte[300_000];
        new Random(3).NextBytes(bytes);
        await store.WriteAsync("in/image.png", new MemoryStream(bytes), overwrite: true);
        var slices = new SliceFiles(store, NoAccount());

        string path;
        using (var staged = await slices.StageAsync(Work(new MiniBatchWorkSlice(0, "image.png", "in/image.png", true, 0, -1)), CancellationToken.None))
        {
            path = staged[0];
            Assert.Equal(bytes, await File.ReadAllBytesAsync(path));
        }
        Assert.False(File.Exists(path));
    }

    [Fact]
    public async Task A_missing_blob_fails_the_staging_with_file_not_found()
    {
        var (store, _) = Store();
        var slices = new SliceFiles(store, NoAccount());

        await Assert.ThrowsAsync<FileNotFoundException>(() => slices.StageAsync(Work(new MiniBatchWorkSlice(0, "x.csv", "in/none.csv", true, 0, 10)), CancellationToken.None));
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private (BlobArtifactStore Store, AzureStorageBackend Backend) Store()
    {
        var backend = new AzureStorageBackend(new AzureStorageOptions { ConnectionString = azurite.ConnectionString, ContainerPrefix = "s" + Guid.NewGuid().ToString("N")[..10] });
        return (new BlobArtifactStore(backend), backend);
    }

    private static BlobInputs NoAccount() => new(new ServiceCollection().BuildServiceProvider());

    private static MiniBatchWork Work(MiniBatchWorkSlice slice) =>
        new("t", "j", 0, "e", "d", 1, "model", [new JobModelStep("m", 1, "models/m/1/model.onnx")], [slice], 0, 30, false);
}
