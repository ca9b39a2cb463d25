using OrleansBatch.Grains.Providers;
using OrleansBatch.Storage.Local;
using OrleansBatch.Storage.Tests.Conformance;

namespace OrleansBatch.Storage.Tests.Local;

public sealed class SqliteMembershipStoreTests : MembershipStoreConformance, IDisposable
{
    private readonly LocalDataDirectory _data = new();

    protected override IMembershipStore CreateStore() => new SqliteMembershipStore(_data.Open());

    public void Dispose() => _data.Dispose();
}
