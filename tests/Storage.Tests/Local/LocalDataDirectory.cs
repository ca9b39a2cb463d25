using OrleansBatch.Storage.Local;

namespace OrleansBatch.Storage.Tests.Local;

/// <summary>A fresh data directory for one test; every database opened on it stands for one silo.</summary>
public sealed class LocalDataDirectory : IDisposable
{
    private readonly List<LocalDatabase> _opened = [];

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "obatch-tests", Guid.NewGuid().ToString("N"));

    public LocalStorageOptions Options => new() { DataDirectory = Path };

    /// <summary>Opens another <see cref="LocalDatabase"/> on the same directory (another silo).</summary>
    public LocalDatabase Open(TimeProvider? time = null)
    {
        var database = new LocalDatabase(Options, time);
        lock (_opened)
            _opened.Add(database);
        return database;
    }

    public void Dispose()
    {
        lock (_opened)
        {
            foreach (var database in _opened)
                database.Dispose();
        }
        if (Directory.Exists(Path))
            Directory.Delete(Path, recursive: true);
    }
}
