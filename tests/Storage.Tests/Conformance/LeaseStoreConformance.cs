using OrleansBatch.Grains.Providers;

namespace OrleansBatch.Storage.Tests.Conformance;

/// <summary>The contract of <see cref="ILeaseStore"/>, run against every provider.</summary>
public abstract class LeaseStoreConformance
{
    /// <summary>A new store instance on this test's backend (another silo when called twice).</summary>
    protected abstract ILeaseStore CreateStore();

    /// <summary>A time-to-live the tests wait out to see a lease lapse; providers with a minimum may raise it.</summary>
    protected virtual TimeSpan ShortTtl => TimeSpan.FromMilliseconds(400);

    private static readonly TimeSpan LongTtl = TimeSpan.FromMinutes(1);

    private readonly string _resource = "job/" + Guid.NewGuid().ToString("N");

    [Fact]
    public async Task A_free_resource_is_acquired_with_a_token_and_an_expiry_in_the_future()
    {
        var store = CreateStore();
        var before = DateTimeOffset.UtcNow;

        var lease = await store.TryAcquireAsync(_resource, "silo-1", LongTtl);

        Assert.NotNull(lease);
        Assert.Equal((_resource, "silo-1"), (lease.Resource, lease.Owner));
        Assert.False(string.IsNullOrEmpty(lease.Token));
        Assert.True(lease.ExpiresAt > before);
    }

    [Fact]
    public async Task A_held_lease_cannot_be_acquired_by_another_silo_or_the_same_owner()
    {
        var silo1 = CreateStore();
        var silo2 = CreateStore();
        await silo1.TryAcquireAsync(_resource, "silo-1", LongTtl);

        Assert.Null(await silo2.TryAcquireAsync(_resource, "silo-2", LongTtl));
        Assert.Null(await silo1.TryAcquireAsync(_resource, "silo-1", LongTtl));
    }

    [Fact]
    public async Task Leases_on_different_resources_are_independent()
    {
        var store = CreateStore();

        var first = await store.TryAcquireAsync(_resource, "silo-1", LongTtl);
        var second = await store.TryAcquireAsync(_resource + "-other", "silo-2", LongTtl);

        Assert.NotNull(first);
        Assert.NotNull(second);
    }

    [Fact]
    public async Task A_released_lease_can_be_acquired_by_another_silo_with_a_new_token()
    {
        var silo1 = CreateStore();
        var silo2 = CreateStore();
        var held = await silo1.TryAcquireAsync(_resource, "silo-1", LongTtl);

        await silo1.ReleaseAsync(held!);
        var taken = await silo2.TryAcquireAsync(_resource, "silo-2", LongTtl);

        Assert.NotNull(taken);
        Assert.NotEqual(held!.Token, taken.Token);
        Assert.Equal("silo-2", taken.Owner);
    }

    [Fact]
    public async Task A_lapsed_lease_is_taken_and_its_old_holder_can_neither_renew_nor_release_it()
    {
        var silo1 = CreateStore();
        var silo2 = CreateStore();
        var old = await silo1.TryAcquireAsync(_resource, "silo-1", ShortTtl);

        await Task.Delay(ShortTtl * 2);
        var taken = await silo2.TryAcquireAsync(_resource, "silo-2", LongTtl);
        var renewed = await silo1.RenewAsync(old!, LongTtl);
        await silo1.ReleaseAsync(old!);

        Assert.NotNull(taken);
        Assert.Null(renewed);
        Assert.Null(await CreateStore().TryAcquireAsync(_resource, "silo-3", LongTtl));
        Assert.NotNull(await silo2.RenewAsync(taken, LongTtl));
    }

    [Fact]
    public async Task Renewing_keeps_the_token_and_moves_the_expiry_so_the_lease_does_not_lapse()
    {
        var silo1 = CreateStore();
        var silo2 = CreateStore();
        var lease = await silo1.TryAcquireAsync(_resource, "silo-1", ShortTtl);

        var renewed = await silo1.RenewAsync(lease!, LongTtl);
        await Task.Delay(ShortTtl * 2);

        Assert.NotNull(renewed);
        Assert.Equal(lease!.Token, renewed.Token);
        Assert.True(renewed.ExpiresAt > lease.ExpiresAt);
        Assert.Null(await silo2.TryAcquireAsync(_resource, "silo-2", LongTtl));
    }

    [Fact]
    public async Task Renew_or_release_with_a_token_that_is_not_the_holding_changes_nothing()
    {
        var store = CreateStore();
        var lease = await store.TryAcquireAsync(_resource, "silo-1", LongTtl);
        var forged = lease! with { Token = Guid.NewGuid().ToString("N") };

        var renewed = await store.RenewAsync(forged, LongTtl);
        await store.ReleaseAsync(forged);

        Assert.Null(renewed);
        Assert.Null(await CreateStore().TryAcquireAsync(_resource, "silo-2", LongTtl));
        Assert.NotNull(await store.RenewAsync(lease, LongTtl));
    }

    [Fact]
    public async Task Releasing_a_lease_twice_is_not_an_error()
    {
        var store = CreateStore();
        var lease = await store.TryAcquireAsync(_resource, "silo-1", LongTtl);

        await store.ReleaseAsync(lease!);
        await store.ReleaseAsync(lease!);

        Assert.NotNull(await store.TryAcquireAsync(_resource, "silo-2", LongTtl));
    }

    [Fact]
    public async Task Racing_acquirers_on_two_silos_get_exactly_one_lease()
    {
        var silos = new[] { CreateStore(), CreateStore() };

        var leases = await Race.RunAsync(24, i => silos[i % 2].TryAcquireAsync(_resource, $"silo-{i}", LongTtl));

        Assert.Single(leases, l => l is not null);
    }
}
