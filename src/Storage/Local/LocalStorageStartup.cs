using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace OrleansBatch.Storage.Local;

/// <summary>
/// Opens the database when the host starts, so the schema exists before the first grain call, and holds the data
/// directory's lock: the embedded default is one process per data directory (its silo keeps grains in memory and
/// clusters on localhost, so a second process on the same files would serve stale state). Several processes share a
/// platform as a cluster (<c>OBATCH_PROVIDER=AzureStorage</c>).
/// </summary>
internal sealed class LocalStorageStartup(LocalDatabase database, IOptions<LocalStorageOptions> options) : IHostedService, IDisposable
{
    private FileStream? _lock;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        // Resolving the database created it (directories, WAL mode, schema).
        GC.KeepAlive(database);
        var path = Path.Combine(options.Value.DataDirectory, "process.lock");
        try
        {
            _lock = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
        }
        catch (IOException)
        {
            throw new InvalidOperationException(
                "The data directory (OBATCH_DATA_DIR) is in use by another OrleansBatch process. Run one process per data directory, "
                + "give this one its own (OBATCH_DATA_DIR), or run several as a cluster (OBATCH_PROVIDER=AzureStorage).");
        }
        PrivateFiles.Restrict(options.Value.DataDirectory); // the lock file too
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _lock?.Dispose();
        _lock = null;
    }
}
