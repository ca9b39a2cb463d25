using OrleansBatch.Grains.Providers;

namespace OrleansBatch.Storage.Tests.Conformance;

/// <summary>The contract of <see cref="IMembershipStore"/>, run against every provider.</summary>
public abstract class MembershipStoreConformance
{
    /// <summary>A new store instance on this test's backend (another silo when called twice).</summary>
    protected abstract IMembershipStore CreateStore();

    private static readonly DateTimeOffset Started = new(2026, 11, 21, 10, 0, 0, TimeSpan.Zero);

    private readonly string _prefix = Guid.NewGuid().ToString("N")[..8];

    private async Task<List<SiloInfo>> Mine(IMembershipStore store) =>
        [.. (await store.ListAsync()).Where(s => s.Id.StartsWith(_prefix, StringComparison.Ordinal))];

    [Fact]
    public async Task An_upserted_silo_is_listed_as_written()
    {
        var store = CreateStore();
        var silo = new SiloInfo(_prefix + "-a", "http://10.0.0.1:5000", SiloStatus.Active, Started, Started.AddSeconds(5), 3);

        await store.UpsertAsync(silo);

        Assert.Equal([silo], await Mine(store));
    }

    [Fact]
    public async Task Upserting_again_replaces_the_silo_row()
    {
        var store = CreateStore();
        var silo = new SiloInfo(_prefix + "-a", "http://10.0.0.1:5000", SiloStatus.Active, Started, Started, 0);
        await store.UpsertAsync(silo);

        var later = silo with { Status = SiloStatus.ShuttingDown, LastHeartbeat = Started.AddMinutes(1), ActiveMiniBatches = 7 };
        await store.UpsertAsync(later);

        Assert.Equal([later], await Mine(store));
    }

    [Fact]
    public async Task Silos_see_each_others_rows()
    {
        var silo1 = CreateStore();
        var silo2 = CreateStore();
        var a = new SiloInfo(_prefix + "-a", "http://10.0.0.1:5000", SiloStatus.Active, Started, Started, 1);
        var b = new SiloInfo(_prefix + "-b", "http://10.0.0.2:5000", SiloStatus.Dead, Started, Started.AddSeconds(1), 0);

        await silo1.UpsertAsync(a);
        await silo2.UpsertAsync(b);

        Assert.Equal([a, b], (await Mine(silo1)).OrderBy(s => s.Id, StringComparer.Ordinal));
        Assert.Equal([a, b], (await Mine(silo2)).OrderBy(s => s.Id, StringComparer.Ordinal));
    }
}
