using OrleansBatch.Client.Models;
using OrleansBatch.Client.Pipeline;

namespace OrleansBatch.Client;

// Platform administration: tenants, their keys, the cluster. Most calls need the platform admin key.
public partial class OrleansBatchClient
{
    /// <summary>Creates a tenant (platform admin key).</summary>
    /// <param name="name">The tenant's name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual Task<BatchTenant> CreateTenantAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return Gateway.SendAsync<BatchTenant>(HttpMethod.Post, "v1/tenants", Gateway.Json(new { name }), null, cancellationToken);
    }

    /// <summary>Gets a tenant (platform admin key).</summary>
    /// <param name="name">The tenant's name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual Task<BatchTenant> GetTenantAsync(string name, CancellationToken cancellationToken = default)
        => Gateway.SendAsync<BatchTenant>(HttpMethod.Get, $"v1/tenants/{Gateway.Segment(name, nameof(name))}", null, null, cancellationToken);

    /// <summary>Lists the tenants (platform admin key).</summary>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    public virtual OrleansBatchPageable<BatchTenant> GetTenantsAsync(CancellationToken cancellationToken = default)
        => Gateway.List<BatchTenant>("v1/tenants", cancellationToken);

    /// <summary>
    /// Creates an API key for a tenant (platform admin key, or an <see cref="ApiKeyRole.Admin"/> key of that tenant).
    /// The secret is in the answer only: keep it.
    /// </summary>
    /// <param name="tenant">The tenant's name.</param>
    /// <param name="role">What the key may do.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual Task<TenantApiKey> CreateTenantKeyAsync(string tenant, ApiKeyRole role, CancellationToken cancellationToken = default)
        => Gateway.SendForValueAsync<TenantApiKey>(HttpMethod.Post, $"v1/tenants/{Gateway.Segment(tenant, nameof(tenant))}/keys",
            Gateway.Json(new { role }), cancellationToken);

    /// <summary>Lists a tenant's API keys, revoked ones included, without their secrets (platform admin key, or an admin key of that tenant).</summary>
    /// <param name="tenant">The tenant's name.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    public virtual OrleansBatchPageable<TenantApiKey> GetTenantKeysAsync(string tenant, CancellationToken cancellationToken = default)
        => Gateway.List<TenantApiKey>($"v1/tenants/{Gateway.Segment(tenant, nameof(tenant))}/keys", cancellationToken);

    /// <summary>Revokes a tenant's API key (platform admin key, or an admin key of that tenant); it stops working at once.</summary>
    /// <param name="tenant">The tenant's name.</param>
    /// <param name="keyId">The key's <see cref="TenantApiKey.Id"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual Task DeleteTenantKeyAsync(string tenant, string keyId, CancellationToken cancellationToken = default)
        => Gateway.SendAsync(HttpMethod.Delete, $"v1/tenants/{Gateway.Segment(tenant, nameof(tenant))}/keys/{Gateway.Segment(keyId, nameof(keyId))}",
            null, cancellationToken);

    /// <summary>Lists the silos of the cluster with their state and load (platform admin key).</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual async Task<IReadOnlyList<ClusterNode>> GetClusterNodesAsync(CancellationToken cancellationToken = default)
    {
        var nodes = await Gateway.SendForValueAsync<ListResponse<ClusterNode>>(HttpMethod.Get, "v1/cluster", null, cancellationToken).ConfigureAwait(false);
        return nodes.Value ?? [];
    }
}
