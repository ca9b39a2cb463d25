using OrleansBatch.Client.Models;

namespace OrleansBatch.Client.Tests;

/// <summary>Tenants, keys and the cluster through the client, against the real gateway.</summary>
public class PlatformTests
{
    [Fact]
    public async Task Admin_creates_a_tenant_and_keys_that_work_until_revoked()
    {
        await using var gateway = TestGateway.Start();
        var admin = gateway.AdminClient();

        var tenant = await admin.CreateTenantAsync("Contoso");
        var key = await admin.CreateTenantKeyAsync("contoso", ApiKeyRole.Contributor);
        var tenantClient = gateway.Client(key.Key!);
        var endpointsBefore = await tenantClient.GetEndpointsAsync().ToListAsync();
        var fetched = await admin.GetTenantAsync("contoso");
        var tenants = await admin.GetTenantsAsync().ToListAsync();
        var keys = await admin.GetTenantKeysAsync("contoso").ToListAsync();
        await admin.DeleteTenantKeyAsync("contoso", key.Id);
        var revoked = await Assert.ThrowsAsync<OrleansBatchRequestException>(() => tenantClient.GetEndpointsAsync().ToListAsync().AsTask());

        Assert.Equal("contoso", tenant.Name);
        Assert.Equal("\"1\"", tenant.ETag);
        Assert.Equal("contoso", key.Tenant);
        Assert.Equal(ApiKeyRole.Contributor, key.Role);
        Assert.False(string.IsNullOrEmpty(key.Key));
        Assert.Empty(endpointsBefore);
        Assert.Equal("contoso", fetched.Name);
        Assert.NotNull(fetched.ETag);
        Assert.Equal(["contoso"], tenants.Select(t => t.Name));
        var listed = Assert.Single(keys);
        Assert.Equal(key.Id, listed.Id);
        Assert.Null(listed.Key); // the secret is never shown again
        Assert.Equal(401, revoked.Status);
    }

    [Fact]
    public async Task Cluster_lists_the_embedded_silo_as_active()
    {
        await using var gateway = TestGateway.Start();

        var nodes = await gateway.AdminClient().GetClusterNodesAsync();

        var node = Assert.Single(nodes);
        Assert.Equal(ClusterNodeStatus.Active, node.Status);
        Assert.False(string.IsNullOrEmpty(node.Id));
        Assert.NotNull(node.LastHeartbeat);
    }
}
