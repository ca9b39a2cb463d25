using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OrleansBatch.Abstractions;
using OrleansBatch.Abstractions.Endpoints;
using OrleansBatch.Grains.Domain.Endpoints;
using OrleansBatch.Grains.Providers;

namespace OrleansBatch.Grains.Tests.Domain;

/// <summary>
/// Data written before resources moved into Orleans grain state lives only in the query store: a grain adopts its
/// record on activation, so an upgraded platform keeps every resource at its version.
/// </summary>
[Collection(GrainClusterCollection.Name)]
public sealed class UpgradeTests(GrainCluster cluster)
{
    [Fact]
    public async Task A_resource_known_only_to_the_query_store_is_adopted_at_its_version_and_changes_from_there()
    {
        var store = cluster.Cluster.Silos[0].ServiceProvider.GetRequiredService<IGrainStateStore>();
        var at = DateTimeOffset.Parse("2026-05-01T00:00:00Z");
        var earlier = new EndpointState("legacy", "made by an older version", new Dictionary<string, string> { ["team"] = "risk" }, "key", null, [], at, at);
        await store.WriteAsync(new StateKey(EndpointGrain.GrainType, "hooli", "legacy"), JsonSerializer.Serialize(earlier, Records.Json), 7, null);

        TenantContext.Set("hooli");
        var endpoint = cluster.Grains.Endpoint("hooli", "legacy");
        var adopted = await endpoint.GetAsync();
        Assert.Equal(7, adopted.Version);
        Assert.Equal("made by an older version", adopted.State.Description);
        Assert.Equal("risk", adopted.State.Tags["team"]);

        // A stale If-Match is still refused, and a change continues the version and reaches the query store.
        await Assert.ThrowsAsync<DomainException>(() => endpoint.PutAsync(new EndpointDefinition("new", null, null, false, null), 6));
        var changed = await endpoint.PutAsync(new EndpointDefinition("new", null, null, false, null), 7);
        Assert.Equal(8, changed.Endpoint.Version);
        var record = await store.ReadAsync(new StateKey(EndpointGrain.GrainType, "hooli", "legacy"));
        Assert.Equal(8, record!.Version);
        Assert.Equal("new", Records.Deserialize<EndpointState>(record).Description);
    }
}
