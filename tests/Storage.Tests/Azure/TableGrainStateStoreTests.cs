using Azure.Storage.Blobs.Models;
using OrleansBatch.Grains.Providers;
using OrleansBatch.Storage.Azure;
using OrleansBatch.Storage.Tests.Conformance;

namespace OrleansBatch.Storage.Tests.Azure;

public sealed class TableGrainStateStoreTests(AzuriteFixture azurite) : GrainStateStoreConformance, IClassFixture<AzuriteFixture>
{
    private readonly AzureStorageScope _scope = new(azurite);

    protected override IGrainStateStore CreateStore() => new TableGrainStateStore(_scope.Open());

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

    [Fact]
    public async Task A_state_too_large_for_a_table_entity_round_trips_through_its_own_blob_which_replacing_it_removes()
    {
        var store = CreateStore();
        var id = new StateKey("job", "t", "big");
        var large = "\"" + new string('x', 3 * 1024 * 1024) + "\"";

        var v1 = await store.WriteAsync(id, large, 1, null);
        var read = await CreateStore().ReadAsync(id);
        var listed = await store.QueryAsync(new GrainQuery("job", "t", Descending: true));
        var v2 = await store.WriteAsync(id, "\"small\"", 2, v1.ETag);

        Assert.Equal(large, read!.Json);
        Assert.Equal(v1.ETag, read.ETag);
        Assert.Equal(large, Assert.Single(listed.Items).Json);
        Assert.Equal("\"small\"", (await store.ReadAsync(id))!.Json);
        Assert.Empty(await OverflowBlobsAsync());
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.WriteAsync(id, large, 3, v1.ETag));
        Assert.Empty(await OverflowBlobsAsync());
        await store.DeleteAsync(id, (await store.WriteAsync(id, large, 3, v2.ETag)).ETag);
        Assert.Empty(await OverflowBlobsAsync());
    }

    [Fact]
    public async Task A_continuation_of_another_query_is_refused()
    {
        var store = CreateStore();
        foreach (var key in new[] { "a1", "a2", "a3" })
            await store.WriteAsync(new StateKey("job", "t1", key), "1", 1, null);
        var first = await store.QueryAsync(new GrainQuery("job", "t1", Top: 1));

        await Assert.ThrowsAsync<ArgumentException>(() => store.QueryAsync(new GrainQuery("job", "t2", Top: 1, Continuation: first.Continuation)));
        await Assert.ThrowsAsync<ArgumentException>(() => store.QueryAsync(new GrainQuery("job", "t1", Top: 1, Continuation: first.Continuation, Descending: true)));
        Assert.Equal(["a2"], (await store.QueryAsync(new GrainQuery("job", "t1", Top: 1, Continuation: first.Continuation))).Items.Select(r => r.Id.Key));
    }

    [Fact]
    public async Task A_record_listed_newest_first_can_be_updated_and_deleted_with_the_etag_the_listing_gave()
    {
        var store = CreateStore();
        var id = new StateKey("job", "t", "k");
        await store.WriteAsync(id, "1", 1, null);

        var listed = Assert.Single((await store.QueryAsync(new GrainQuery("job", "t", Descending: true))).Items);
        var updated = await store.WriteAsync(id, "2", 2, listed.ETag);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.WriteAsync(id, "3", 3, listed.ETag));
        var relisted = Assert.Single((await store.QueryAsync(new GrainQuery("job", "t", Descending: true))).Items);
        await store.DeleteAsync(id, relisted.ETag);

        Assert.Equal("2", relisted.Json);
        Assert.NotEqual(listed.ETag, relisted.ETag);
        Assert.NotEqual(updated.ETag, relisted.ETag);
        Assert.Empty((await store.QueryAsync(new GrainQuery("job", "t"))).Items);
        Assert.Empty((await store.QueryAsync(new GrainQuery("job", "t", Descending: true))).Items);
    }

    private async Task<List<string>> OverflowBlobsAsync()
    {
        var names = new List<string>();
        await foreach (var blob in _scope.Open().StateOverflow.GetBlobsAsync(new GetBlobsOptions()))
            names.Add(blob.Name);
        return names;
    }
}
