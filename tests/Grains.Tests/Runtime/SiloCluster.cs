using Microsoft.Extensions.Options;
using OrleansBatch.Grains.Domain;
using OrleansBatch.Grains.Runtime;
using OrleansBatch.Storage.Local;
using OrleansBatch.Abstractions;

namespace OrleansBatch.Grains.Tests.Runtime;

/// <summary>
/// Silos sharing one Local data directory: each <see cref="AddSilo"/> opens its own database
/// connection pool, store and grain runtime, as a separate process would.
/// </summary>
public sealed class SiloCluster : IAsyncDisposable
{
    private readonly List<LocalDatabase> _databases = [];
    private readonly List<GrainRuntime> _runtimes = [];

    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "obatch-grain-tests", Guid.NewGuid().ToString("N"));

    public GrainRuntime AddSilo(GrainRuntimeOptions? options = null)
    {
        var database = new LocalDatabase(new LocalStorageOptions { DataDirectory = DataDirectory });
        var runtime = new GrainRuntime(new SqliteGrainStateStore(database), Options.Create(options ?? new GrainRuntimeOptions()));
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
