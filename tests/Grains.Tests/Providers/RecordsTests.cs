using OrleansBatch.Grains.Providers;
using OrleansBatch.Grains.Domain;
using OrleansBatch.Abstractions;

namespace OrleansBatch.Grains.Tests.Providers;

public sealed class RecordsTests : IAsyncLifetime
{
    // A bound for "this eventually happens", far above normal latency; never a speed assertion.
    private static readonly TimeSpan Eventually = TimeSpan.FromSeconds(30);

    private readonly SiloCluster _cluster = new();
    private readonly StateKey _id = new("counter", "acme", "c-" + Guid.NewGuid().ToString("N")[..8]);

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _cluster.DisposeAsync().AsTask();

    [Fact]
    public async Task Concurrent_read_modify_writes_from_two_silos_on_one_database_are_all_kept()
    {
        var silos = new[] { _cluster.AddSilo(), _cluster.AddSilo() };
        using var go = new ManualResetEventSlim();

        var calls = Enumerable.Range(0, 24).Select(i => Task.Run(async () =>
        {
            go.Wait();
            return await silos[i % 2].ExecuteAsync<Counter, int>(_id, current => Counter.Increment(current, $"call-{i}"));
        })).ToArray();
        go.Set();
        var results = await Task.WhenAll(calls);

        var final = await silos[0].ReadAsync<Counter>(_id);
        Assert.Equal(24, final.State!.Value);
        Assert.Equal(24L, final.Version);
        Assert.Equal(Enumerable.Range(0, 24).Select(i => $"call-{i}").Order(StringComparer.Ordinal), final.State.Log.Order(StringComparer.Ordinal));
        Assert.Equal(Enumerable.Range(1, 24), results.Order());
    }

    [Fact]
    public async Task Callers_racing_with_one_if_match_version_get_one_success_and_412_for_the_rest()
    {
        var silos = new[] { _cluster.AddSilo(), _cluster.AddSilo() };
        await silos[0].ExecuteAsync<Counter, int>(_id, current => Counter.Increment(current, "create"));
        using var go = new ManualResetEventSlim();

        var calls = Enumerable.Range(0, 16).Select(i => Task.Run(async () =>
        {
            go.Wait();
            try
            {
                await silos[i % 2].ExecuteAsync<Counter, int>(_id, current => Counter.Increment(current, $"call-{i}"), ifMatchVersion: 1);
                return (int?)null;
            }
            catch (DomainException e)
            {
                return e.Status;
            }
        })).ToArray();
        go.Set();
        var statuses = await Task.WhenAll(calls);

        Assert.Single(statuses, s => s is null);
        Assert.All(statuses.Where(s => s is not null), s => Assert.Equal(412, s));
        var final = await silos[1].ReadAsync<Counter>(_id);
        Assert.Equal((2, 2L), (final.State!.Value, final.Version));
    }

    [Fact]
    public async Task If_match_on_a_grain_that_does_not_exist_is_412_and_creates_nothing()
    {
        var silo = _cluster.AddSilo();

        var error = await Assert.ThrowsAsync<DomainException>(() =>
            silo.ExecuteAsync<Counter, int>(_id, current => Counter.Increment(current, "x"), ifMatchVersion: 3));

        Assert.Equal((412, "PreconditionFailed"), (error.Status, error.Code));
        Assert.False((await silo.ReadAsync<Counter>(_id)).Exists);
    }

    [Fact]
    public async Task A_domain_exception_from_a_command_reaches_the_caller_and_writes_nothing()
    {
        var silo = _cluster.AddSilo();
        await silo.ExecuteAsync<Counter, int>(_id, current => Counter.Increment(current, "create"));

        var error = await Assert.ThrowsAsync<DomainException>(() => silo.ExecuteAsync<Counter, int>(_id, current =>
            current.State!.Value >= 1 ? throw DomainException.Conflict("CounterFull", "The counter is full.") : Counter.Increment(current, "never")));

        Assert.Equal((409, "CounterFull"), (error.Status, error.Code));
        var after = await silo.ReadAsync<Counter>(_id);
        Assert.Equal((1, 1L), (after.State!.Value, after.Version));
        Assert.Equal(2, await silo.ExecuteAsync<Counter, int>(_id, current => Counter.Increment(current, "next")));
    }

    [Fact]
    public async Task Keep_returns_the_result_without_writing()
    {
        var silo = _cluster.AddSilo();
        await silo.ExecuteAsync<Counter, int>(_id, current => Counter.Increment(current, "create"));
        var before = await silo.Store.ReadAsync(_id);

        var value = await silo.ExecuteAsync<Counter, int>(_id, current => Outcome<Counter, int>.Keep(current.State!.Value));

        Assert.Equal(1, value);
        Assert.Equal(before!.ETag, (await silo.Store.ReadAsync(_id))!.ETag);
    }

    [Fact]
    public async Task Delete_removes_the_grain_for_every_silo_and_deleting_an_absent_grain_is_harmless()
    {
        var silos = new[] { _cluster.AddSilo(), _cluster.AddSilo() };
        await silos[0].ExecuteAsync<Counter, int>(_id, current => Counter.Increment(current, "create"));

        var deleted = await silos[1].ExecuteAsync<Counter, bool>(_id, current => Outcome<Counter, bool>.Delete(current.Exists));
        var again = await silos[0].ExecuteAsync<Counter, bool>(_id, current => Outcome<Counter, bool>.Delete(current.Exists));

        Assert.True(deleted);
        Assert.False(again);
        Assert.False((await silos[0].ReadAsync<Counter>(_id)).Exists);
        Assert.Null(await silos[1].Store.ReadAsync(_id));
        Assert.Equal(1, await silos[0].ExecuteAsync<Counter, int>(_id, current => Counter.Increment(current, "recreate")));
    }

    [Fact]
    public async Task Create_first_from_two_silos_keeps_exactly_one_state_and_every_caller_gets_that_one()
    {
        var silos = new[] { _cluster.AddSilo(), _cluster.AddSilo() };

        var created = await Task.WhenAll(Enumerable.Range(0, 16).Select(i =>
            Task.Run(() => silos[i % 2].CreateFirstAsync(_id, new Counter(i, [$"writer-{i}"])))));

        var stored = await silos[0].ReadAsync<Counter>(_id);
        Assert.Equal(1L, stored.Version);
        Assert.All(created, c => Assert.Equal(stored.State!.Value, c.Value));
        Assert.Equal([$"writer-{stored.State!.Value}"], stored.State.Log);
        // A later create changes nothing either.
        Assert.Equal(stored.State.Value, (await silos[1].CreateFirstAsync(_id, new Counter(99, ["late"]))).Value);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        var current = Volatile.Read(ref target);
        while (value > current)
        {
            var seen = Interlocked.CompareExchange(ref target, value, current);
            if (seen == current)
                return;
            current = seen;
        }
    }
}
