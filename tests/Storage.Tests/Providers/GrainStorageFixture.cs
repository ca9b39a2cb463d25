using Microsoft.Extensions.DependencyInjection;
using Orleans.Hosting;
using Orleans.Storage;
using Orleans.TestingHost;

namespace OrleansBatch.Storage.Tests.Providers;

/// <summary>
/// One backend for <see cref="GrainStorageConformance"/>: a one-silo in-process cluster whose silo registers the
/// provider under test through its hosting extension (as Orleans' persistence TestKit does), with the
/// System.Text.Json grain-storage serializer. <see cref="RestartAsync"/> stops the silo and starts a new one on
/// the same store and service id, so a test can see what survives a restart.
/// </summary>
public abstract class GrainStorageFixture : IAsyncLifetime
{
    public const string ProviderName = "conformance";

    private readonly string _serviceId = "conformance-" + Guid.NewGuid().ToString("N")[..8];
    private InProcessTestCluster? _cluster;

    /// <summary>The provider of the running silo.</summary>
    public IGrainStorage Storage { get; private set; } = null!;

    /// <summary>True when a clear deletes the row (the etag becomes null); false when it leaves a tombstone with a new etag.</summary>
    public abstract bool DeletesOnClear { get; }

    /// <summary>True when a refused write reports the etag in storage (ours does; Orleans' Azure providers say "Unknown").</summary>
    public virtual bool ReportsStoredETag => false;

    /// <summary>Registers the provider under test as <see cref="ProviderName"/>.</summary>
    protected abstract void AddStorage(ISiloBuilder silo);

    public virtual async Task InitializeAsync() => await StartAsync();

    /// <summary>Stops the silo and starts another on the same store; returns the new silo's provider.</summary>
    public async Task<IGrainStorage> RestartAsync()
    {
        await StopAsync();
        await StartAsync();
        return Storage;
    }

    public virtual async Task DisposeAsync() => await StopAsync();

    private async Task StartAsync()
    {
        var builder = new InProcessTestClusterBuilder();
        builder.Options.ServiceId = _serviceId;
        builder.ConfigureSilo((_, silo) =>
        {
            silo.UseSystemTextJsonGrainStorageSerializer();
            AddStorage(silo);
        });
        _cluster = builder.Build();
        await _cluster.DeployAsync();
        Storage = _cluster.Silos[0].ServiceProvider.GetRequiredKeyedService<IGrainStorage>(ProviderName);
    }

    private async Task StopAsync()
    {
        if (_cluster is null)
            return;
        await _cluster.StopAllSilosAsync();
        await _cluster.DisposeAsync();
        _cluster = null;
    }
}
