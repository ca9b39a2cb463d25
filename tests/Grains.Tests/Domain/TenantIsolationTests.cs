using OrleansBatch.Abstractions;
using OrleansBatch.Abstractions.Endpoints;

namespace OrleansBatch.Grains.Tests.Domain;

/// <summary>The silo's tenant filter: a grain call acts for the tenant in the grain's key, or is refused.</summary>
[Collection(GrainClusterCollection.Name)]
public sealed class TenantIsolationTests(GrainCluster cluster)
{
    private static EndpointDefinition Definition(string description) => new(description, null, null, false, null);

    [Fact]
    public async Task A_call_for_another_tenant_is_refused_and_changes_nothing()
    {
        var endpoint = cluster.Grains.Endpoint("acme", "scorer");
        TenantContext.Set("acme");
        await endpoint.PutAsync(Definition("acme's"), null);

        TenantContext.Set("globex");
        var refused = await Assert.ThrowsAsync<CrossTenantCallException>(() => endpoint.PutAsync(Definition("globex was here"), null));
        Assert.Contains("globex", refused.Message);
        await Assert.ThrowsAsync<CrossTenantCallException>(() => endpoint.GetAsync());
        await Assert.ThrowsAsync<CrossTenantCallException>(() => cluster.Grains.Catalog("acme").ListEndpointsAsync(10, null));

        TenantContext.Set("acme");
        Assert.Equal("acme's", (await endpoint.GetAsync()).State.Description);
    }

    [Fact]
    public async Task A_call_without_a_tenant_is_refused_and_the_platform_may_call_any()
    {
        var endpoint = cluster.Grains.Endpoint("initech", "scorer");
        Orleans.Runtime.RequestContext.Clear();
        await Assert.ThrowsAsync<CrossTenantCallException>(() => endpoint.PutAsync(Definition("nobody"), null));

        TenantContext.Set(TenantContext.Platform);
        var put = await endpoint.PutAsync(Definition("by the platform"), null);
        Assert.True(put.Created);
    }

    [Fact]
    public async Task Versions_count_changes_and_a_stale_if_match_is_412_with_codes_kept_across_the_wire()
    {
        TenantContext.Set("umbrella");
        var endpoint = cluster.Grains.Endpoint("umbrella", "scorer");
        var created = await endpoint.PutAsync(Definition("one"), null);
        Assert.Equal(1, created.Endpoint.Version);
        var same = await endpoint.PutAsync(Definition("one"), null);
        Assert.False(same.Created);
        Assert.Equal(1, same.Endpoint.Version);
        Assert.Equal(2, (await endpoint.PutAsync(Definition("two"), 1)).Endpoint.Version);

        var stale = await Assert.ThrowsAsync<DomainException>(() => endpoint.PutAsync(Definition("three"), 1));
        Assert.Equal(412, stale.Status);
        Assert.Equal("PreconditionFailed", stale.Code);

        var missing = await Assert.ThrowsAsync<DomainException>(() => cluster.Grains.Endpoint("umbrella", "nothing").GetAsync());
        Assert.Equal(404, missing.Status);
        Assert.Equal("EndpointNotFound", missing.Code);

        var listed = await cluster.Grains.Catalog("umbrella").ListEndpointsAsync(10, null);
        var only = Assert.Single(listed.Items);
        Assert.Equal(("scorer", 2L, "two"), (only.State.Name, only.Version, only.State.Description));
    }
}
