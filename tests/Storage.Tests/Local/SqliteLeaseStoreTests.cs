using OrleansBatch.Grains.Providers;
using OrleansBatch.Storage.Local;
using OrleansBatch.Storage.Tests.Conformance;

namespace OrleansBatch.Storage.Tests.Local;

public sealed class SqliteLeaseStoreTests : LeaseStoreConformance, IDisposable
{
    private readonly LocalDataDirectory _data = new();

    protected override ILeaseStore CreateStore() => new SqliteLeaseStore(_data.Open());

    public void Dispose() => _data.Dispose();
}
