using Orleans;
using Orleans.Runtime;

namespace OrleansBatch.Storage.Tests.Providers;

/// <summary>
/// The contract of an Orleans <see cref="IReminderTable"/>, run against our SQLite table and Orleans' Azure table
/// reminders on Azurite. Each test has a store of its own; <see cref="OpenAsync"/> opens another table instance
/// on it (another silo, or the same silo after a restart).
/// </summary>
public abstract class ReminderTableConformance : IAsyncLifetime
{
    private const string Service = "conformance";
    private readonly List<IReminderTable> _opened = [];
    private IReminderTable _table = null!;

    /// <summary>A new, not yet started table instance on this test's store, for <paramref name="serviceId"/>.</summary>
    protected abstract IReminderTable CreateTable(string serviceId);

    public async Task InitializeAsync() => _table = await OpenAsync();

    public virtual async Task DisposeAsync()
    {
        foreach (var table in _opened)
        {
            await table.StopAsync();
            (table as IDisposable)?.Dispose();
        }
    }

    [Fact]
    public async Task An_upserted_reminder_reads_back_with_the_etag_the_upsert_returned()
    {
        var entry = Entry(NewGrain(), "foo/bar\\#b_a_z?", TimeSpan.FromMinutes(3));

        var etag = await _table.UpsertRow(entry);
        var read = await _table.ReadRow(entry.GrainId, entry.ReminderName);

        Assert.False(string.IsNullOrEmpty(etag));
        Assert.NotNull(read);
        Assert.Equal((entry.GrainId, entry.ReminderName, entry.StartAt, entry.Period, etag), (read.GrainId, read.ReminderName, read.StartAt, read.Period, read.ETag));
    }

    [Fact]
    public async Task A_reminder_never_upserted_reads_as_null_and_its_grain_has_no_rows()
    {
        var grain = NewGrain();

        Assert.Null(await _table.ReadRow(grain, "nothing"));
        Assert.Empty((await _table.ReadRows(grain)).Reminders);
    }

    [Fact]
    public async Task Every_upsert_replaces_the_reminder_and_gives_a_new_etag()
    {
        var entry = Entry(NewGrain(), "tick", TimeSpan.FromMinutes(1));
        var first = await _table.UpsertRow(entry);

        entry.Period = TimeSpan.FromMinutes(5);
        entry.StartAt = entry.StartAt.AddHours(1);
        var second = await _table.UpsertRow(entry);

        Assert.NotEqual(first, second);
        var read = Assert.Single((await _table.ReadRows(entry.GrainId)).Reminders);
        Assert.Equal((TimeSpan.FromMinutes(5), entry.StartAt, second), (read.Period, read.StartAt, read.ETag));
    }

    [Fact]
    public async Task Remove_with_the_current_etag_removes_the_reminder_once()
    {
        var entry = Entry(NewGrain(), "tick", TimeSpan.FromMinutes(1));
        var etag = await _table.UpsertRow(entry);

        Assert.True(await _table.RemoveRow(entry.GrainId, entry.ReminderName, etag!));
        Assert.False(await _table.RemoveRow(entry.GrainId, entry.ReminderName, etag!));
        Assert.Null(await _table.ReadRow(entry.GrainId, entry.ReminderName));
    }

    [Fact]
    public async Task Remove_with_a_stale_etag_or_another_name_is_refused_and_keeps_the_reminder()
    {
        var entry = Entry(NewGrain(), "tick", TimeSpan.FromMinutes(1));
        var stale = await _table.UpsertRow(entry);
        var current = await _table.UpsertRow(entry);

        Assert.False(await _table.RemoveRow(entry.GrainId, entry.ReminderName, stale!));
        Assert.False(await _table.RemoveRow(entry.GrainId, "another", current!));
        Assert.Equal(current, (await _table.ReadRow(entry.GrainId, entry.ReminderName))?.ETag);
    }

    [Fact]
    public async Task ReadRows_of_a_grain_gives_all_its_reminders_and_no_others()
    {
        var grain = NewGrain();
        var other = NewGrain();
        foreach (var name in new[] { "a", "b", "c" })
            await _table.UpsertRow(Entry(grain, name, TimeSpan.FromMinutes(1)));
        await _table.UpsertRow(Entry(other, "a", TimeSpan.FromMinutes(1)));

        var rows = (await _table.ReadRows(grain)).Reminders;

        Assert.Equal(["a", "b", "c"], rows.Select(r => r.ReminderName).Order());
        Assert.All(rows, r => Assert.Equal(grain, r.GrainId));
    }

    [Fact]
    public async Task Range_queries_follow_the_ring_including_wrap_around()
    {
        var grains = Enumerable.Range(0, 60).Select(_ => NewGrain()).ToArray();
        await Task.WhenAll(grains.Select(g => _table.UpsertRow(Entry(g, "tick", TimeSpan.FromMinutes(1)))));
        var hashes = grains.Select(g => g.GetUniformHashCode()).Order().ToArray();
        var random = new Random(9);
        var ranges = new List<(uint Begin, uint End)>
        {
            (0, uint.MaxValue), (0, 0), (uint.MaxValue, uint.MaxValue), (hashes[10], hashes[10]),
            // Bounds on stored hashes: begin is exclusive, end inclusive, on both sides of the wrap.
            (hashes[5], hashes[20]), (hashes[50], hashes[7]), (uint.MaxValue, hashes[3]), (hashes[40], 0),
        };
        for (var i = 0; i < 20; i++)
            ranges.Add(((uint)random.NextInt64(0, 1L << 32), (uint)random.NextInt64(0, 1L << 32)));

        foreach (var (begin, end) in ranges)
        {
            var expected = hashes.Where(h => begin < end ? h > begin && h <= end : h > begin || h <= end);
            var rows = (await _table.ReadRows(begin, end)).Reminders;
            Assert.True(expected.Order().SequenceEqual(rows.Select(r => r.GrainId.GetUniformHashCode()).Order()),
                $"ReadRows({begin}, {end}) gave {rows.Count} rows, expected {expected.Count()}");
        }
    }

    [Fact]
    public async Task Concurrent_upserts_each_get_their_own_etag_and_one_of_them_stays()
    {
        var grains = Enumerable.Range(0, 5).Select(_ => NewGrain()).ToArray();

        var etags = await Task.WhenAll(grains.Select(async g =>
            (Grain: g, ETags: await Task.WhenAll(Enumerable.Range(1, 5).Select(j =>
            {
                var entry = Entry(g, "tick", TimeSpan.FromMinutes(j));
                return Task.Run(() => _table.UpsertRow(entry));
            })))));

        foreach (var (grain, upserted) in etags)
        {
            Assert.Equal(5, upserted.Distinct().Count());
            var stored = Assert.Single((await _table.ReadRows(grain)).Reminders);
            Assert.Contains(stored.ETag, upserted);
        }
    }

    [Fact]
    public async Task Many_grains_all_come_back_from_a_whole_ring_read()
    {
        var grains = Enumerable.Range(0, 300).Select(_ => NewGrain()).ToArray();

        await Parallel.ForEachAsync(grains, new ParallelOptions { MaxDegreeOfParallelism = 8 },
            async (g, _) => await _table.UpsertRow(Entry(g, "tick", TimeSpan.FromMinutes(1))));

        var rows = (await _table.ReadRows(0, 0)).Reminders;
        Assert.Equal(grains.Select(g => g.ToString()).Order(), rows.Select(r => r.GrainId.ToString()).Order());
    }

    [Fact]
    public async Task Reminders_survive_a_restart_and_their_etag_still_works()
    {
        var entry = Entry(NewGrain(), "durable", TimeSpan.FromMinutes(2));
        var etag = await _table.UpsertRow(entry);

        var restarted = await OpenAsync();
        var read = await restarted.ReadRow(entry.GrainId, entry.ReminderName);

        Assert.NotNull(read);
        Assert.Equal((entry.StartAt, entry.Period, etag), (read.StartAt, read.Period, read.ETag));
        Assert.True(await restarted.RemoveRow(entry.GrainId, entry.ReminderName, etag!));
    }

    [Fact]
    public async Task Another_service_on_the_same_store_neither_sees_nor_clears_these_reminders()
    {
        var entry = Entry(NewGrain(), "mine", TimeSpan.FromMinutes(1));
        var etag = await _table.UpsertRow(entry);
        var other = await OpenAsync("another-service");

        Assert.Empty((await other.ReadRows(0, 0)).Reminders);
        Assert.Null(await other.ReadRow(entry.GrainId, entry.ReminderName));
        await other.TestOnlyClearTable();
        Assert.Equal(etag, (await _table.ReadRow(entry.GrainId, entry.ReminderName))?.ETag);
    }

    [Fact]
    public async Task TestOnlyClearTable_removes_every_reminder_of_the_service()
    {
        await _table.UpsertRow(Entry(NewGrain(), "a", TimeSpan.FromMinutes(1)));
        await _table.UpsertRow(Entry(NewGrain(), "b", TimeSpan.FromMinutes(1)));

        await _table.TestOnlyClearTable();

        Assert.Empty((await _table.ReadRows(0, 0)).Reminders);
    }

    private async Task<IReminderTable> OpenAsync(string serviceId = Service)
    {
        var table = CreateTable(serviceId);
        _opened.Add(table);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await table.StartAsync(timeout.Token);
        return table;
    }

    // Keys with the characters that break naive keying.
    private static GrainId NewGrain() =>
        GrainId.Create("remindable-grain", $"tenant/job\\#{Guid.NewGuid():N}?");

    // Whole seconds: every table keeps at least that precision.
    private static ReminderEntry Entry(GrainId grain, string name, TimeSpan period)
    {
        var now = DateTime.UtcNow;
        return new ReminderEntry
        {
            GrainId = grain,
            ReminderName = name,
            StartAt = new DateTime(now.Year, now.Month, now.Day, now.Hour, now.Minute, now.Second, DateTimeKind.Utc),
            Period = period,
        };
    }
}
