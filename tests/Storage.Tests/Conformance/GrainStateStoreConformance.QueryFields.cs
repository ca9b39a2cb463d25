using OrleansBatch.Grains.Providers;

namespace OrleansBatch.Storage.Tests.Conformance;

/// <summary>Query fields: written with the record, matched exactly by <see cref="GrainQuery.Where"/>, moved by every write.</summary>
public abstract partial class GrainStateStoreConformance
{
    private static QueryField[] Fields(string color, string size) => [new("color", color), new("size", size)];

    private async Task<List<string>> KeysWhereAsync(IGrainStateStore store, bool descending, int top, params QueryField[] where)
    {
        var keys = new List<string>();
        string? continuation = null;
        do
        {
            var page = await store.QueryAsync(new GrainQuery("job", _tenant, Top: top, Continuation: continuation, Descending: descending, Where: where));
            Assert.True(page.Items.Count == top || page.Continuation is null, "only the last page may be short");
            keys.AddRange(page.Items.Select(r => r.Id.Key));
            continuation = page.Continuation;
        } while (continuation is not null);
        return keys;
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Query_where_fields_pages_exactly_through_the_matching_records_only(bool descending)
    {
        var store = CreateStore();
        var colors = new[] { "red", "blue", "green" };
        for (var i = 0; i < 30; i++)
            await store.WriteAsync(Id($"job-{i:D3}", "job"), $"{i}", 1, null, Fields(colors[i % 3], i % 2 == 0 ? "even" : "odd"));
        // Same fields under another tenant and another type: never listed.
        await store.WriteAsync(new StateKey("job", _tenant + "x", "job-100"), "x", 1, null, Fields("red", "even"));
        await store.WriteAsync(Id("job-101", "endpoint"), "x", 1, null, Fields("red", "even"));

        var red = await KeysWhereAsync(CreateStore(), descending, 3, new QueryField("color", "red"));
        var redEven = await KeysWhereAsync(CreateStore(), descending, 2, [.. Fields("red", "even")]);
        var none = await KeysWhereAsync(CreateStore(), descending, 5, new QueryField("color", "Red"));

        IEnumerable<string> Expected(Func<int, bool> match)
        {
            var keys = Enumerable.Range(0, 30).Where(match).Select(i => $"job-{i:D3}");
            return descending ? keys.Reverse() : keys;
        }
        Assert.Equal(Expected(i => i % 3 == 0), red);
        Assert.Equal(Expected(i => i % 6 == 0), redEven);
        Assert.Empty(none);
    }

    [Fact]
    public async Task Query_where_returns_the_records_state()
    {
        var store = CreateStore();
        await store.WriteAsync(Id("a", "job"), """{"n":1}""", 1, null, Fields("red", "big"));

        var page = await store.QueryAsync(new GrainQuery("job", _tenant, Where: [new("size", "big")]));

        var record = Assert.Single(page.Items);
        Assert.Equal((Id("a", "job"), """{"n":1}""", 1L), (record.Id, record.Json, record.Version));
        Assert.Equal((await store.ReadAsync(Id("a", "job")))!.ETag, record.ETag);
    }

    [Fact]
    public async Task Every_write_replaces_the_fields_and_a_delete_removes_them()
    {
        var store = CreateStore();
        var v1 = await store.WriteAsync(Id("a", "job"), "1", 1, null, Fields("red", "big"));
        async Task<List<string>> Where(string name, string value) => await KeysWhereAsync(store, true, 10, new QueryField(name, value));

        var v2 = await store.WriteAsync(Id("a", "job"), "2", 2, v1.ETag, Fields("blue", "big"));
        Assert.Empty(await Where("color", "red"));
        Assert.Equal(["a"], await Where("color", "blue"));

        var v3 = await store.WriteAsync(Id("a", "job"), "3", 3, v2.ETag, [new("color", "green")]);
        Assert.Empty(await Where("size", "big"));
        Assert.Equal(["a"], await Where("color", "green"));

        var v4 = await store.WriteAsync(Id("a", "job"), "4", 4, v3.ETag);
        Assert.Empty(await Where("color", "green"));
        Assert.Equal(["a"], await KeysWhereAsync(store, true, 10));

        var v5 = await store.WriteAsync(Id("a", "job"), "5", 5, v4.ETag, Fields("red", "big"));
        await store.DeleteAsync(Id("a", "job"), v5.ETag);
        Assert.Empty(await Where("color", "red"));
    }

    [Fact]
    public async Task A_lost_write_leaves_the_winners_fields()
    {
        var store = CreateStore();
        var v1 = await store.WriteAsync(Id("a", "job"), "1", 1, null, Fields("red", "big"));
        await store.WriteAsync(Id("a", "job"), "2", 2, v1.ETag, Fields("blue", "big"));

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.WriteAsync(Id("a", "job"), "3", 2, v1.ETag, Fields("green", "big")));

        Assert.Equal(["a"], await KeysWhereAsync(store, false, 10, new QueryField("color", "blue")));
        Assert.Empty(await KeysWhereAsync(store, false, 10, new QueryField("color", "green")));
    }

    [Fact]
    public async Task A_continuation_of_an_unfiltered_page_continues_a_filtered_listing_after_that_key()
    {
        var store = CreateStore();
        for (var i = 0; i < 6; i++)
            await store.WriteAsync(Id($"job-{i}", "job"), "1", 1, null, Fields(i % 2 == 0 ? "red" : "blue", "big"));
        var first = await store.QueryAsync(new GrainQuery("job", _tenant, Top: 2, Descending: true));

        var rest = await store.QueryAsync(new GrainQuery("job", _tenant, Continuation: first.Continuation, Descending: true, Where: [new("color", "red")]));

        Assert.Equal(["job-5", "job-4"], first.Items.Select(r => r.Id.Key));
        Assert.Equal(["job-2", "job-0"], rest.Items.Select(r => r.Id.Key));
    }

    [Theory]
    [InlineData("Color")]
    [InlineData("1st")]
    [InlineData("a-b")]
    [InlineData("")]
    [InlineData("abcdefghijklmnopq")]
    public async Task Bad_field_names_are_refused_in_writes_and_queries(string name)
    {
        var store = CreateStore();

        await Assert.ThrowsAsync<ArgumentException>(() => store.WriteAsync(Id("a", "job"), "1", 1, null, [new(name, "v")]));
        await Assert.ThrowsAsync<ArgumentException>(() => store.QueryAsync(new GrainQuery("job", _tenant, Where: [new(name, "v")])));
        Assert.Null(await store.ReadAsync(Id("a", "job")));
    }

    [Fact]
    public async Task Repeated_names_and_long_values_are_refused()
    {
        var store = CreateStore();

        await Assert.ThrowsAsync<ArgumentException>(() => store.WriteAsync(Id("a", "job"), "1", 1, null, [new("color", "red"), new("color", "blue")]));
        await Assert.ThrowsAsync<ArgumentException>(() => store.WriteAsync(Id("a", "job"), "1", 1, null, [new("color", new string('r', QueryField.MaxValueLength + 1))]));
        var stored = await store.WriteAsync(Id("a", "job"), "1", 1, null, [new("color", new string('r', QueryField.MaxValueLength))]);
        Assert.Equal(1, stored.Version);
    }

    [Fact]
    public async Task Field_values_are_matched_literally()
    {
        var store = CreateStore();
        await store.WriteAsync(Id("a", "job"), "1", 1, null, [new("color", "it's%_*")]);
        await store.WriteAsync(Id("b", "job"), "1", 1, null, [new("color", "it")]);

        Assert.Equal(["a"], await KeysWhereAsync(store, false, 10, new QueryField("color", "it's%_*")));
        Assert.Empty(await KeysWhereAsync(store, false, 10, new QueryField("color", "it%")));
    }
}
