using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Orleans.Hosting;
using OrleansBatch.Storage.Tests.Azure;

namespace OrleansBatch.Storage.Tests.Providers;

/// <summary>Orleans' Azure table grain storage (Microsoft.Orleans.Persistence.AzureStorage) on Azurite: the reference our provider must match.</summary>
public sealed class AzureTableGrainStorageTests(AzureTableGrainStorageTests.Backend backend)
    : GrainStorageConformance(backend), IClassFixture<AzureTableGrainStorageTests.Backend>
{
    public sealed class Backend : AzuriteGrainStorageBackend
    {
        private readonly string _table = "conformance" + Guid.NewGuid().ToString("N")[..12];

        protected override void AddStorage(ISiloBuilder silo) =>
            silo.AddAzureTableGrainStorage(ProviderName, options =>
            {
                options.TableName = _table;
                options.DeleteStateOnClear = DeletesOnClear;
                options.TableServiceClient = new TableServiceClient(ConnectionString);
            });
    }
}

/// <summary>Orleans' Azure blob grain storage on Azurite.</summary>
public sealed class AzureBlobGrainStorageTests(AzureBlobGrainStorageTests.Backend backend)
    : GrainStorageConformance(backend), IClassFixture<AzureBlobGrainStorageTests.Backend>
{
    public sealed class Backend : AzuriteGrainStorageBackend
    {
        private readonly string _container = "conformance-" + Guid.NewGuid().ToString("N")[..12];

        // Its default in 10.4.2 (a clear deletes the blob), said explicitly.
        public override bool DeletesOnClear => true;

        protected override void AddStorage(ISiloBuilder silo) =>
            silo.AddAzureBlobGrainStorage(ProviderName, options =>
            {
                options.ContainerName = _container;
                options.DeleteStateOnClear = DeletesOnClear;
                options.BlobServiceClient = new BlobServiceClient(ConnectionString);
            });
    }
}

/// <summary>A silo whose provider lives in the shared Azurite, in a table or container of its own.</summary>
public abstract class AzuriteGrainStorageBackend : GrainStorageFixture
{
    private AzuriteServer? _azurite;

    public override bool DeletesOnClear => false;

    protected string ConnectionString => _azurite!.SdkConnectionString;

    public override async Task InitializeAsync()
    {
        _azurite = await SharedAzurite.AcquireAsync();
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (_azurite is not null)
            await SharedAzurite.ReleaseAsync();
    }
}
