using OrleansBatch.Grains.Providers;
using OrleansBatch.Storage.Local;
using OrleansBatch.Storage.Tests.Conformance;

namespace OrleansBatch.Storage.Tests.Local;

public sealed class SqliteGrainStateStoreTests : GrainStateStoreConformance, IDisposable
{
    private readonly LocalDataDirectory _data = new();

    protected override IGrainStateStore CreateStore() => new SqliteGrainStateStore(_data.Open());

    [Fact]
    public async Task A_continuation_that_is_not_base64_is_rejected_with_a_clear_message()
    {
        var store = CreateStore();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => store.QueryAsync(new GrainQuery("endpoint", "t", Continuation: "not base64!")));

        Assert.Contains("continuation", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(GrainQuery.MaxTop + 1)]
    public async Task A_page_size_out_of_range_is_rejected(int top)
    {
        var store = CreateStore();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.QueryAsync(new GrainQuery("endpoint", "t", Top: top)));
    }

    public void Dispose() => _data.Dispose();
}
