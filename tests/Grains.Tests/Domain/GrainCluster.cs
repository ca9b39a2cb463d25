using Microsoft.Extensions.DependencyInjection;
using Orleans.Hosting;
using Orleans.TestingHost;
using OrleansBatch.Grains;
using OrleansBatch.Grains.Security;
using OrleansBatch.Storage.Local;

namespace OrleansBatch.Grains.Tests.Domain;

/// <summary>
/// An Orleans test cluster (one silo: the Local query store is one process's) running the platform's grains with the tenant filter, the query store on SQLite in
/// a temp folder and grain state in memory; shared by the domain grain tests.
/// </summary>
public sealed class GrainCluster : IAsyncLifetime
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "obatch-grains-" + Guid.NewGuid().ToString("N"));

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.Client;

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(1);
        var data = _data;
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddMemoryGrainStorage(StorageNames.Grains);
            silo.UseSystemTextJsonGrainStorageSerializer();
            silo.AddTenantIsolation(InternalCallKey.ForProcess());
            silo.Services.AddSingleton(TimeProvider.System);
            silo.Services.AddLocalStorage(o => o.DataDirectory = data);
        });
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        await Cluster.DisposeAsync();
        if (Directory.Exists(_data))
            Directory.Delete(_data, recursive: true);
    }
}

[CollectionDefinition(Name)]
public sealed class GrainClusterCollection : ICollectionFixture<GrainCluster>
{
    public const string Name = "grain cluster";
}
