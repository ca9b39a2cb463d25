using Orleans;
using Orleans.Runtime;
using Orleans.Storage;
using OrleansBatch.Storage.Tests.Conformance;

namespace OrleansBatch.Storage.Tests.Providers;

/// <summary>
/// The contract of an Orleans <see cref="IGrainStorage"/>, shaped like Orleans' persistence TestKit and run
/// against every backend: our SQLite provider (both clear modes) and Orleans' own Azure table and blob
/// providers on Azurite. Each test uses grains of its own, so the tests of one class share one silo.
/// </summary>
public abstract class GrainStorageConformance(GrainStorageFixture backend)
{
    private const string StateName = "conformance-state";

    private IGrainStorage Storage => backend.Storage;

    [Fact]
    public async Task Reading_a_state_never_written_gives_a_fresh_state_and_no_etag()
    {
        var read = await ReadAsync(NewGrain());

        Assert.False(read.RecordExists);
        Assert.Null(read.ETag);
        Assert.Equal(new ConformanceState(), read.State);
    }

    [Fact]
    public async Task A_written_state_reads_back_with_its_etag()
    {
        // A key with the characters that break naive keying (separators, escapes, query marks) and non-ASCII text.
        var id = GrainId.Create("conformance-grain", $"tenant/job\\#1?{Guid.NewGuid():N}");
        var state = new ConformanceState { Text = "Привет, мир", Number = 42, Big = long.MaxValue };

        var written = await CreateAsync(id, state);
        var read = await ReadAsync(id);

        Assert.True(written.RecordExists);
        Assert.False(string.IsNullOrEmpty(written.ETag));
        Assert.True(read.RecordExists);
        Assert.Equal(written.ETag, read.ETag);
        Assert.Equal(state, read.State);
    }

    [Fact]
    public async Task Every_write_changes_the_etag_even_when_the_state_is_the_same()
    {
        var id = NewGrain();
        var written = await CreateAsync(id, new ConformanceState { Number = 1 });
        var etags = new List<string?> { written.ETag };

        for (var i = 0; i < 3; i++)
        {
            await Storage.WriteStateAsync(StateName, id, written);
            etags.Add(written.ETag);
        }

        Assert.Equal(etags.Count, etags.Distinct().Count());
    }

    [Fact]
    public async Task Creating_a_state_that_exists_is_refused_and_keeps_the_stored_state()
    {
        var id = NewGrain();
        var first = await CreateAsync(id, new ConformanceState { Text = "first" });

        var conflict = await Assert.ThrowsAnyAsync<InconsistentStateException>(
            () => Storage.WriteStateAsync(StateName, id, Fresh(null, new ConformanceState { Text = "second" })));

        Assert.Null(conflict.CurrentEtag);
        if (backend.ReportsStoredETag)
            Assert.Equal(first.ETag, conflict.StoredEtag);
        var read = await ReadAsync(id);
        Assert.Equal(("first", first.ETag), (read.State.Text, read.ETag));
    }

    [Fact]
    public async Task A_write_with_a_stale_etag_is_refused_and_keeps_the_latest_state()
    {
        var id = NewGrain();
        var current = await CreateAsync(id, new ConformanceState { Text = "v1" });
        var stale = current.ETag;
        current.State = new ConformanceState { Text = "v2" };
        await Storage.WriteStateAsync(StateName, id, current);

        var conflict = await Assert.ThrowsAnyAsync<InconsistentStateException>(
            () => Storage.WriteStateAsync(StateName, id, Fresh(stale, new ConformanceState { Text = "stale" })));

        Assert.Equal(stale, conflict.CurrentEtag);
        if (backend.ReportsStoredETag)
            Assert.Equal(current.ETag, conflict.StoredEtag);
        var read = await ReadAsync(id);
        Assert.Equal(("v2", current.ETag), (read.State.Text, read.ETag));
    }

    [Fact]
    public async Task A_clear_with_a_stale_etag_is_refused_and_keeps_the_state()
    {
        var id = NewGrain();
        var current = await CreateAsync(id, new ConformanceState { Text = "v1" });
        var stale = current.ETag;
        current.State = new ConformanceState { Text = "v2" };
        await Storage.WriteStateAsync(StateName, id, current);

        var conflict = await Assert.ThrowsAnyAsync<InconsistentStateException>(() => Storage.ClearStateAsync(StateName, id, Fresh(stale)));

        Assert.Equal(stale, conflict.CurrentEtag);
        var read = await ReadAsync(id);
        Assert.True(read.RecordExists);
        Assert.Equal(("v2", current.ETag), (read.State.Text, read.ETag));
    }

    [Fact]
    public async Task A_cleared_state_reads_as_absent()
    {
        var id = NewGrain();
        var state = await CreateAsync(id, new ConformanceState { Text = "doomed", Number = 7 });
        var written = state.ETag;

        await Storage.ClearStateAsync(StateName, id, state);
        var read = await ReadAsync(id);

        Assert.False(state.RecordExists);
        Assert.Equal(new ConformanceState(), state.State);
        Assert.NotEqual(written, state.ETag);
        Assert.Equal(backend.DeletesOnClear, state.ETag is null);
        Assert.False(read.RecordExists);
        Assert.Equal(new ConformanceState(), read.State);
        Assert.Equal(state.ETag, read.ETag);
    }

    [Fact]
    public async Task A_state_can_be_written_again_after_a_clear()
    {
        var id = NewGrain();
        var state = await CreateAsync(id, new ConformanceState { Text = "before" });
        await Storage.ClearStateAsync(StateName, id, state);

        state.State = new ConformanceState { Text = "after" };
        await Storage.WriteStateAsync(StateName, id, state);
        var read = await ReadAsync(id);

        Assert.True(read.RecordExists);
        Assert.Equal(("after", state.ETag), (read.State.Text, read.ETag));
    }

    [Fact]
    public async Task An_activation_holding_the_etag_from_before_a_clear_cannot_write()
    {
        var id = NewGrain();
        var state = await CreateAsync(id, new ConformanceState { Text = "v1" });
        var old = Fresh(state.ETag, new ConformanceState { Text = "old activation" });

        await Storage.ClearStateAsync(StateName, id, state);

        await Assert.ThrowsAnyAsync<InconsistentStateException>(() => Storage.WriteStateAsync(StateName, id, old));
        Assert.False((await ReadAsync(id)).RecordExists);
    }

    [Fact]
    public async Task Clearing_a_state_never_written_leaves_it_absent()
    {
        var id = NewGrain();
        var state = Fresh(null, new ConformanceState { Text = "in memory only" });
        state.RecordExists = true;

        await Storage.ClearStateAsync(StateName, id, state);

        Assert.False(state.RecordExists);
        Assert.Equal(new ConformanceState(), state.State);
        Assert.False((await ReadAsync(id)).RecordExists);
    }

    [Fact]
    public async Task Clearing_twice_is_harmless()
    {
        var id = NewGrain();
        var state = await CreateAsync(id, new ConformanceState { Text = "x" });

        await Storage.ClearStateAsync(StateName, id, state);
        await Storage.ClearStateAsync(StateName, id, state);

        Assert.False(state.RecordExists);
        var read = await ReadAsync(id);
        Assert.False(read.RecordExists);
        Assert.Equal(state.ETag, read.ETag);
    }

    [Fact]
    public async Task State_names_and_grains_are_separate_records()
    {
        var id = NewGrain();
        var other = NewGrain();
        await Storage.WriteStateAsync("first", id, Fresh(null, new ConformanceState { Text = "first" }));
        await Storage.WriteStateAsync("second", id, Fresh(null, new ConformanceState { Text = "second" }));
        await Storage.WriteStateAsync("first", other, Fresh(null, new ConformanceState { Text = "other" }));

        Assert.Equal("first", (await ReadAsync(id, "first")).State.Text);
        Assert.Equal("second", (await ReadAsync(id, "second")).State.Text);
        Assert.Equal("other", (await ReadAsync(other, "first")).State.Text);
        Assert.False((await ReadAsync(other, "second")).RecordExists);
    }

    [Fact]
    public async Task Of_concurrent_writers_holding_the_same_etag_exactly_one_wins()
    {
        var id = NewGrain();
        var created = await CreateAsync(id, new ConformanceState { Number = -1 });

        var etags = await Race.RunOrLoseAsync<InconsistentStateException>(8, async i =>
        {
            var attempt = Fresh(created.ETag, new ConformanceState { Number = i });
            await Storage.WriteStateAsync(StateName, id, attempt);
            return attempt.ETag!;
        });

        var winner = Assert.Single(etags.Select((etag, i) => (etag, i)), x => x.etag is not null);
        var read = await ReadAsync(id);
        Assert.Equal((winner.i, winner.etag), (read.State.Number, read.ETag));
    }

    [Fact]
    public async Task Of_concurrent_creators_exactly_one_wins()
    {
        var id = NewGrain();

        var etags = await Race.RunOrLoseAsync<InconsistentStateException>(8, async i =>
        {
            var attempt = Fresh(null, new ConformanceState { Number = i });
            await Storage.WriteStateAsync(StateName, id, attempt);
            return attempt.ETag!;
        });

        var winner = Assert.Single(etags.Select((etag, i) => (etag, i)), x => x.etag is not null);
        Assert.Equal(winner.i, (await ReadAsync(id)).State.Number);
    }

    [Fact]
    public async Task Many_grains_written_and_read_in_parallel_each_keep_their_own_state()
    {
        var grains = Enumerable.Range(0, 40).Select(i => (Id: NewGrain($"many{i}"), State: Fresh())).ToArray();

        await Parallel.ForEachAsync(grains, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (grain, _) =>
        {
            for (var round = 1; round <= 4; round++)
            {
                grain.State.State = new ConformanceState { Text = grain.Id.ToString(), Number = round };
                await Storage.WriteStateAsync(StateName, grain.Id, grain.State);
            }
        });

        foreach (var (id, state) in grains)
        {
            var read = await ReadAsync(id);
            Assert.Equal((id.ToString(), 4, state.ETag), (read.State.Text, read.State.Number, read.ETag));
        }
    }

    [Fact]
    public async Task State_survives_a_restart_and_its_etag_still_works()
    {
        var id = NewGrain();
        var state = await CreateAsync(id, new ConformanceState { Text = "durable", Number = 3 });

        var restarted = await backend.RestartAsync();
        var read = new GrainState<ConformanceState> { State = new ConformanceState() };
        await restarted.ReadStateAsync(StateName, id, read);

        Assert.True(read.RecordExists);
        Assert.Equal((state.State, state.ETag), (read.State, read.ETag));
        read.State = read.State with { Number = 4 };
        await restarted.WriteStateAsync(StateName, id, read);
        Assert.Equal(4, (await ReadAsync(id)).State.Number);
    }

    private static GrainId NewGrain(string prefix = "g") => GrainId.Create("conformance-grain", $"{prefix}-{Guid.NewGuid():N}");

    private static GrainState<ConformanceState> Fresh(string? etag = null, ConformanceState? state = null) =>
        new() { State = state ?? new ConformanceState(), ETag = etag };

    private async Task<GrainState<ConformanceState>> CreateAsync(GrainId id, ConformanceState state)
    {
        var created = Fresh(null, state);
        await Storage.WriteStateAsync(StateName, id, created);
        return created;
    }

    /// <summary>Reads into a state object that starts out stale, so the read must overwrite every field.</summary>
    private async Task<Stored> ReadAsync(GrainId id, string stateName = StateName)
    {
        var read = new GrainState<ConformanceState> { State = new ConformanceState { Text = "stale" }, ETag = "stale", RecordExists = true };
        await Storage.ReadStateAsync(stateName, id, read);
        return new Stored(read.State ?? throw new InvalidOperationException("A read left the state null."), read.ETag, read.RecordExists);
    }

    private sealed record Stored(ConformanceState State, string? ETag, bool RecordExists);
}
