using OrleansBatch.Grains.Providers;
using OrleansBatch.Storage.Azure;
using OrleansBatch.Storage.Tests.Conformance;

namespace OrleansBatch.Storage.Tests.Azure;

public sealed class BlobLeaseStoreTests(AzuriteFixture azurite) : LeaseStoreConformance, IClassFixture<AzuriteFixture>
{
    private readonly AzureStorageScope _scope = new(azurite);

    protected override ILeaseStore CreateStore() => new BlobLeaseStore(_scope.Open());
}
