using OrleansBatch.Grains.Providers;
using OrleansBatch.Storage.Azure;
using OrleansBatch.Storage.Tests.Conformance;

namespace OrleansBatch.Storage.Tests.Azure;

public sealed class BlobGrainStateStoreTests(AzuriteFixture azurite) : GrainStateStoreConformance, IClassFixture<AzuriteFixture>
{
    private readonly AzureStorageScope _scope = new(azurite);

    protected override IGrainStateStore CreateStore() => new BlobGrainStateStore(_scope.Open());

    [Fact]
    public async Task Keys_with_any_characters_round_trip_and_sort_by_code_point()
    {
        var store = CreateStore();
        string[] keys = ["z", "a/b", "a b", "ü", "日本", "a%2F", "A", "a\u00a0"];
        foreach (var key in keys)
            await store.WriteAsync(new StateKey("job", "tenant/with/slashes", key), $"\"{key}\"", 1, null);

        var page = await store.QueryAsync(new GrainQuery("job", "tenant/with/slashes"));
        var other = await store.QueryAsync(new GrainQuery("job", "tenant"));

        Assert.Equal(keys.Order(StringComparer.Ordinal), page.Items.Select(r => r.Id.Key));
        Assert.All(page.Items, r => Assert.Equal($"\"{r.Id.Key}\"", r.Json));
        Assert.Empty(other.Items);
    }

    [Fact]
    public async Task A_page_skips_grains_deleted_after_the_previous_page_and_includes_ones_added_after_it()
    {
        var store = CreateStore();
        var written = new Dictionary<string, GrainStateRecord>();
        foreach (var key in new[] { "k1", "k2", "k3", "k4", "k6" })
            written[key] = await store.WriteAsync(new StateKey("job", "t", key), "1", 1, null);

        var first = await store.QueryAsync(new GrainQuery("job", "t", Top: 2));
        await store.DeleteAsync(new StateKey("job", "t", "k3"), written["k3"].ETag);
        await store.WriteAsync(new StateKey("job", "t", "k5"), "1", 1, null);
        var second = await store.QueryAsync(new GrainQuery("job", "t", Top: 2, Continuation: first.Continuation));
        var third = await store.QueryAsync(new GrainQuery("job", "t", Top: 2, Continuation: second.Continuation));

        Assert.Equal(["k1", "k2"], first.Items.Select(r => r.Id.Key));
        Assert.Equal(["k4", "k5"], second.Items.Select(r => r.Id.Key));
        Assert.Equal(["k6"], third.Items.Select(r => r.Id.Key));
        Assert.Null(third.Continuation);
    }
}
