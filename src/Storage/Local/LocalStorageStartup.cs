using Microsoft.Extensions.Hosting;

namespace OrleansBatch.Storage.Local;

/// <summary>Opens the database when the host starts, so the schema exists before the first grain call.</summary>
internal sealed class LocalStorageStartup(LocalDatabase database) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        // Resolving the database created it (directories, WAL mode, schema); nothing more to do.
        GC.KeepAlive(database);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
