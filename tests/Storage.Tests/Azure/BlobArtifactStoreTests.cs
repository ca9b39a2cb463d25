using OrleansBatch.Grains.Providers;
using OrleansBatch.Storage.Azure;
using OrleansBatch.Storage.Tests.Conformance;

namespace OrleansBatch.Storage.Tests.Azure;

public sealed class BlobArtifactStoreTests(AzuriteFixture azurite) : ArtifactStoreConformance, IClassFixture<AzuriteFixture>
{
    private readonly AzureStorageScope _scope = new(azurite);

    protected override IArtifactStore CreateStore() => new BlobArtifactStore(_scope.Open());
}
