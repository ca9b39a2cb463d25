using Microsoft.Extensions.Options;
using OrleansBatch.Grains.Domain;
using OrleansBatch.Grains.Providers;
using OrleansBatch.Storage.Local;
using OrleansBatch.Abstractions;

namespace OrleansBatch.Grains.Tests.Providers;

/// <summary>
/// Silos sharing one Local data directory: each <see cref="AddSilo"/> opens its own database
/// connection pool, store and records, as a separate process would.
/// </summary>
public sealed class SiloCluster : IAsyncDisposable
{
    private readonly List<LocalDatabase> _databases = [];
    private readonly List<Records> _runtimes = [];

    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "obatch-grain-tests", Guid.NewGuid().ToString("N"));

    public Records AddSilo(RecordsOptions? options = null)
    {
        var database = new LocalDatabase(new LocalStorageOptions { DataDirectory = DataDirectory });
        var runtime = new Records(new SqliteGrainStateStore(database), Options.Create(options ?? new RecordsOptions()));
        _databases.Add(database);
        _runtimes.Add(runtime);
        return runtime;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var database in _databases)
            database.Dispose();
        if (Directory.Exists(DataDirectory))
            Directory.Delete(DataDirectory, recursive: true);
    }
}
