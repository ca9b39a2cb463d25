using OrleansBatch.Grains.Providers;
using OrleansBatch.Storage.Azure;
using OrleansBatch.Storage.Tests.Conformance;

namespace OrleansBatch.Storage.Tests.Azure;

public sealed class BlobGrainStateStoreTests(AzuriteFixture azurite) : GrainStateStoreConformance, IClassFixture<AzuriteFixture>
{
    private readonly AzureStorageScope _scope = new(azurite);

    protected override IGrainStateStore CreateStore() => new BlobGrainStateStore(_scope.Open());
}
