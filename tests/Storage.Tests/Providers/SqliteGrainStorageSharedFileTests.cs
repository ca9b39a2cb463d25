using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Orleans;
using Orleans.Runtime;
using Orleans.Serialization;
using Orleans.Serialization.Serializers;
using Orleans.Storage;
using OrleansBatch.Storage.Sqlite;
using OrleansBatch.Storage.Tests.Conformance;

namespace OrleansBatch.Storage.Tests.Providers;

/// <summary>
/// Two SQLite grain storage instances on one file, as two silos of one machine sharing the data directory: each
/// sees the other's writes, and of writers racing with one etag across both, exactly one wins.
/// </summary>
public sealed class SqliteGrainStorageSharedFileTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "obatch-tests", Guid.NewGuid().ToString("N"));
    private readonly ServiceProvider _services = new ServiceCollection().AddSerializer().BuildServiceProvider();
    private readonly List<SqliteGrainStorage> _opened = [];

    [Fact]
    public async Task Two_instances_on_one_file_see_each_others_writes_and_one_racing_writer_wins()
    {
        var (first, second) = (Open(), Open());
        var id = GrainId.Create("conformance-grain", Guid.NewGuid().ToString("N"));
        var created = new GrainState<ConformanceState> { State = new ConformanceState { Number = -1 } };
        await first.WriteStateAsync("state", id, created);

        var seen = new GrainState<ConformanceState> { State = new ConformanceState() };
        await second.ReadStateAsync("state", id, seen);
        Assert.Equal((created.ETag, -1), (seen.ETag, seen.State?.Number));

        var etags = await Race.RunOrLoseAsync<InconsistentStateException>(8, async i =>
        {
            var attempt = new GrainState<ConformanceState> { State = new ConformanceState { Number = i }, ETag = created.ETag };
            await (i % 2 == 0 ? first : second).WriteStateAsync("state", id, attempt);
            return attempt.ETag!;
        });

        var winner = Assert.Single(etags.Select((etag, i) => (etag, i)), x => x.etag is not null);
        var read = new GrainState<ConformanceState> { State = new ConformanceState() };
        await first.ReadStateAsync("state", id, read);
        Assert.Equal((winner.etag, winner.i), (read.ETag, read.State?.Number));
    }

    private SqliteGrainStorage Open()
    {
        var options = new SqliteGrainStorageOptions
        {
            DatabasePath = Path.Combine(_folder, "grains.db"),
            GrainStorageSerializer = new SystemTextJsonGrainStorageSerializer(Options.Create(new SystemTextJsonGrainStorageSerializerOptions())),
        };
        var storage = new SqliteGrainStorage("shared", options, _services.GetRequiredService<IActivatorProvider>(), NullLogger<SqliteGrainStorage>.Instance);
        storage.Initialize();
        _opened.Add(storage);
        return storage;
    }

    public void Dispose()
    {
        foreach (var storage in _opened)
            storage.Dispose();
        _services.Dispose();
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
            Directory.Delete(_folder, recursive: true);
    }
}
