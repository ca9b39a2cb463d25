using OrleansBatch.Grains.Providers;

namespace OrleansBatch.Storage.Tests.Conformance;

/// <summary>
/// The contract of <see cref="IGrainStateStore"/>, run against every provider. Subclasses give fresh store
/// instances on one shared backend per test, so two instances stand for two silos.
/// </summary>
public abstract partial class GrainStateStoreConformance
{
    /// <summary>A new store instance on this test's backend (another silo when called twice).</summary>
    protected abstract IGrainStateStore CreateStore();

    private readonly string _tenant = "t" + Guid.NewGuid().ToString("N")[..10];

    private StateKey Id(string key, string type = "endpoint") => new(type, _tenant, key);

    [Fact]
    public async Task Read_of_absent_grain_is_null()
    {
        var store = CreateStore();

        Assert.Null(await store.ReadAsync(Id("nothing")));
    }

    [Fact]
    public async Task Create_then_read_returns_what_was_written()
    {
        var store = CreateStore();

        var written = await store.WriteAsync(Id("a"), """{"n":1}""", 1, null);
        var read = await store.ReadAsync(Id("a"));

        Assert.NotNull(read);
        Assert.Equal(Id("a"), read.Id);
        Assert.Equal("""{"n":1}""", read.Json);
        Assert.Equal(1, read.Version);
        Assert.False(string.IsNullOrEmpty(written.ETag));
        Assert.Equal(written.ETag, read.ETag);
        Assert.Equal(written.UpdatedAt, read.UpdatedAt);
    }

    [Fact]
    public async Task Create_when_the_grain_exists_conflicts_and_keeps_the_stored_state()
    {
        var store = CreateStore();
        var first = await store.WriteAsync(Id("a"), "1", 1, null);

        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.WriteAsync(Id("a"), "2", 1, null));

        Assert.Equal(Id("a"), conflict.Id);
        Assert.Null(conflict.ExpectedETag);
        Assert.Equal(first.ETag, conflict.StoredETag);
        Assert.Equal("1", (await store.ReadAsync(Id("a")))!.Json);
    }

    [Fact]
    public async Task Update_with_the_current_etag_wins_and_gives_a_new_etag()
    {
        var store = CreateStore();
        var v1 = await store.WriteAsync(Id("a"), "1", 1, null);

        var v2 = await store.WriteAsync(Id("a"), "2", 2, v1.ETag);

        Assert.NotEqual(v1.ETag, v2.ETag);
        var read = await store.ReadAsync(Id("a"));
        Assert.Equal(("2", 2L, v2.ETag), (read!.Json, read.Version, read.ETag));
    }

    [Fact]
    public async Task Rewriting_identical_content_still_changes_the_etag()
    {
        var store = CreateStore();
        var v1 = await store.WriteAsync(Id("a"), "same", 1, null);

        var v2 = await store.WriteAsync(Id("a"), "same", 2, v1.ETag);

        Assert.NotEqual(v1.ETag, v2.ETag);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.WriteAsync(Id("a"), "same", 3, v1.ETag));
    }

    [Fact]
    public async Task Update_with_a_stale_etag_conflicts_and_reports_both_etags()
    {
        var store = CreateStore();
        var v1 = await store.WriteAsync(Id("a"), "1", 1, null);
        var v2 = await store.WriteAsync(Id("a"), "2", 2, v1.ETag);

        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.WriteAsync(Id("a"), "3", 3, v1.ETag));

        Assert.Equal(v1.ETag, conflict.ExpectedETag);
        Assert.Equal(v2.ETag, conflict.StoredETag);
        Assert.Equal("2", (await store.ReadAsync(Id("a")))!.Json);
    }

    [Fact]
    public async Task Update_of_an_absent_grain_conflicts()
    {
        var store = CreateStore();
        var other = await store.WriteAsync(Id("other"), "1", 1, null);

        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.WriteAsync(Id("a"), "1", 2, other.ETag));

        Assert.Null(conflict.StoredETag);
        Assert.Null(await store.ReadAsync(Id("a")));
    }

    [Fact]
    public async Task Delete_with_the_current_etag_removes_the_grain_and_it_can_be_created_again()
    {
        var store = CreateStore();
        var v1 = await store.WriteAsync(Id("a"), "1", 1, null);

        await store.DeleteAsync(Id("a"), v1.ETag);

        Assert.Null(await store.ReadAsync(Id("a")));
        var again = await store.WriteAsync(Id("a"), "new", 1, null);
        Assert.Equal("new", (await store.ReadAsync(Id("a")))!.Json);
        Assert.NotEqual(v1.ETag, again.ETag);
    }

    [Fact]
    public async Task Delete_with_a_stale_etag_conflicts_and_keeps_the_grain()
    {
        var store = CreateStore();
        var v1 = await store.WriteAsync(Id("a"), "1", 1, null);
        var v2 = await store.WriteAsync(Id("a"), "2", 2, v1.ETag);

        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.DeleteAsync(Id("a"), v1.ETag));

        Assert.Equal(v2.ETag, conflict.StoredETag);
        Assert.Equal("2", (await store.ReadAsync(Id("a")))!.Json);
    }

    [Fact]
    public async Task Delete_of_an_absent_grain_conflicts()
    {
        var store = CreateStore();
        var v1 = await store.WriteAsync(Id("a"), "1", 1, null);
        await store.DeleteAsync(Id("a"), v1.ETag);

        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.DeleteAsync(Id("a"), v1.ETag));

        Assert.Null(conflict.StoredETag);
    }

    [Fact]
    public async Task Grains_differing_only_in_type_or_tenant_are_separate()
    {
        var store = CreateStore();
        await store.WriteAsync(Id("k", "endpoint"), "endpoint", 1, null);
        await store.WriteAsync(Id("k", "model"), "model", 1, null);
        await store.WriteAsync(new StateKey("endpoint", _tenant + "x", "k"), "other-tenant", 1, null);

        Assert.Equal("endpoint", (await store.ReadAsync(Id("k", "endpoint")))!.Json);
        Assert.Equal("model", (await store.ReadAsync(Id("k", "model")))!.Json);
        Assert.Equal("other-tenant", (await store.ReadAsync(new StateKey("endpoint", _tenant + "x", "k")))!.Json);
    }

    [Fact]
    public async Task A_second_instance_sees_the_first_ones_writes()
    {
        var silo1 = CreateStore();
        var silo2 = CreateStore();

        var v1 = await silo1.WriteAsync(Id("a"), "1", 1, null);
        var seen = await silo2.ReadAsync(Id("a"));
        await silo2.WriteAsync(Id("a"), "2", 2, seen!.ETag);

        Assert.Equal(v1.ETag, seen.ETag);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => silo1.WriteAsync(Id("a"), "3", 2, v1.ETag));
        Assert.Equal("2", (await silo1.ReadAsync(Id("a")))!.Json);
    }

    [Fact]
    public async Task Query_returns_only_keys_with_the_prefix_of_that_type_and_tenant_in_key_order()
    {
        var store = CreateStore();
        foreach (var key in new[] { "blue/2", "blue/10", "blue", "bluegreen", "red/1", "blu", "blue/1" })
            await store.WriteAsync(Id(key), $"\"{key}\"", 1, null);
        await store.WriteAsync(Id("blue/9", "model"), "1", 1, null);
        await store.WriteAsync(new StateKey("endpoint", _tenant + "x", "blue/8"), "1", 1, null);

        var ascending = await store.QueryAsync(new GrainQuery("endpoint", _tenant, "blue/"));
        var descending = await store.QueryAsync(new GrainQuery("endpoint", _tenant, "blue", Descending: true));
        var all = await store.QueryAsync(new GrainQuery("endpoint", _tenant));

        Assert.Equal(["blue/1", "blue/10", "blue/2"], ascending.Items.Select(r => r.Id.Key));
        Assert.Equal(["bluegreen", "blue/2", "blue/10", "blue/1", "blue"], descending.Items.Select(r => r.Id.Key));
        Assert.Equal(["blu", "blue", "blue/1", "blue/10", "blue/2", "bluegreen", "red/1"], all.Items.Select(r => r.Id.Key));
        Assert.Null(ascending.Continuation);
        Assert.All(all.Items, r => Assert.Equal($"\"{r.Id.Key}\"", r.Json));
    }

    [Fact]
    public async Task Query_treats_wildcard_characters_in_the_prefix_literally()
    {
        var store = CreateStore();
        foreach (var key in new[] { "a%b", "axb", "a_c", "abc", "a*d", "a[1]" })
            await store.WriteAsync(Id(key), "1", 1, null);

        async Task<string[]> Keys(string prefix) =>
            [.. (await store.QueryAsync(new GrainQuery("endpoint", _tenant, prefix))).Items.Select(r => r.Id.Key)];

        Assert.Equal(["a%b"], await Keys("a%"));
        Assert.Equal(["a_c"], await Keys("a_"));
        Assert.Equal(["a*d"], await Keys("a*"));
        Assert.Equal(["a[1]"], await Keys("a["));
        Assert.Empty(await Keys("A"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Query_pages_through_every_key_exactly_once_with_continuations(bool descending)
    {
        var store = CreateStore();
        var keys = Enumerable.Range(0, 23).Select(i => $"job-{i:D3}").ToList();
        foreach (var key in keys)
            await store.WriteAsync(Id(key), "1", 1, null);
        await store.WriteAsync(Id("other"), "1", 1, null);

        var seen = new List<string>();
        var pages = 0;
        string? continuation = null;
        do
        {
            var page = await CreateStore().QueryAsync(new GrainQuery("endpoint", _tenant, "job-", Top: 5, Continuation: continuation, Descending: descending));
            Assert.InRange(page.Items.Count, 1, 5);
            seen.AddRange(page.Items.Select(r => r.Id.Key));
            continuation = page.Continuation;
            pages++;
        } while (continuation is not null);

        Assert.Equal(descending ? keys.AsEnumerable().Reverse() : keys, seen);
        Assert.Equal(5, pages);
    }

    [Fact]
    public async Task Query_of_an_empty_prefix_range_is_an_empty_last_page()
    {
        var store = CreateStore();

        var page = await store.QueryAsync(new GrainQuery("endpoint", _tenant, "none/"));

        Assert.Empty(page.Items);
        Assert.Null(page.Continuation);
    }

    [Fact]
    public async Task Racing_updates_with_one_etag_from_two_instances_have_exactly_one_winner()
    {
        var silos = new[] { CreateStore(), CreateStore() };
        var start = await silos[0].WriteAsync(Id("race"), "start", 1, null);

        var results = await Race.RunOrLoseAsync<ConcurrencyConflictException>(32, async i =>
            (await silos[i % 2].WriteAsync(Id("race"), $"writer-{i}", 2, start.ETag)).Json);

        var winner = Assert.Single(results, r => r is not null);
        var final = await silos[1].ReadAsync(Id("race"));
        Assert.Equal((winner, 2L), (final!.Json, final.Version));
    }

    [Fact]
    public async Task Racing_creates_from_two_instances_have_exactly_one_winner()
    {
        var silos = new[] { CreateStore(), CreateStore() };

        var results = await Race.RunOrLoseAsync<ConcurrencyConflictException>(16, async i =>
            (await silos[i % 2].WriteAsync(Id("new"), $"creator-{i}", 1, null)).Json);

        var winner = Assert.Single(results, r => r is not null);
        Assert.Equal(winner, (await silos[0].ReadAsync(Id("new")))!.Json);
    }

    [Fact]
    public async Task A_continuation_that_is_not_one_of_ours_is_rejected_with_a_clear_message()
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
}
