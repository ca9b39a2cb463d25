using OrleansBatch.Grains.Providers;
using OrleansBatch.Storage.Azure;
using OrleansBatch.Storage.Tests.Conformance;

namespace OrleansBatch.Storage.Tests.Azure;

public sealed class BlobMembershipStoreTests(AzuriteFixture azurite) : MembershipStoreConformance, IClassFixture<AzuriteFixture>
{
    private readonly AzureStorageScope _scope = new(azurite);

    protected override IMembershipStore CreateStore() => new BlobMembershipStore(_scope.Open());
}
