using Microsoft.Extensions.Options;
using OrleansBatch.Grains.Providers;
using OrleansBatch.Grains.Domain;
using OrleansBatch.Storage.Azure;

namespace OrleansBatch.Storage.Tests.Azure;

/// <summary>Records on the AzureStorage provider: table etags arbitrate between silos.</summary>
public sealed class AzureRecordsTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private readonly AzureStorageScope _scope = new(azurite);
    private readonly List<Records> _silos = [];

    private sealed record Counter(int Value);

    private Records AddSilo()
    {
        var runtime = new Records(new TableGrainStateStore(_scope.Open()), Options.Create(new RecordsOptions()));
        _silos.Add(runtime);
        return runtime;
    }

    [Fact]
    public async Task Concurrent_increments_on_three_silos_are_all_applied_exactly_once()
    {
        var silos = new[] { AddSilo(), AddSilo(), AddSilo() };
        var id = new StateKey("counter", "acme", "shared");

        var results = await Task.WhenAll(Enumerable.Range(0, 30).Select(i => Task.Run(() =>
            silos[i % 3].ExecuteAsync<Counter, int>(id, c =>
            {
                var next = (c.State?.Value ?? 0) + 1;
                return Outcome<Counter, int>.Write(new Counter(next), next);
            }))));

        var final = await AddSilo().ReadAsync<Counter>(id);
        Assert.Equal(30, final.State!.Value);
        Assert.Equal(Enumerable.Range(1, 30), results.Order());
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await Task.CompletedTask;
    }
}
