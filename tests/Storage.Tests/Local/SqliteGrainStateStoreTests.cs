using OrleansBatch.Grains.Providers;
using OrleansBatch.Storage.Local;
using OrleansBatch.Storage.Tests.Conformance;

namespace OrleansBatch.Storage.Tests.Local;

public sealed class SqliteGrainStateStoreTests : GrainStateStoreConformance, IDisposable
{
    private readonly LocalDataDirectory _data = new();

    protected override IGrainStateStore CreateStore() => new SqliteGrainStateStore(_data.Open());

    public void Dispose() => _data.Dispose();
}
