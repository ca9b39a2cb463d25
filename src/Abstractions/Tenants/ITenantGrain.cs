namespace OrleansBatch.Abstractions.Tenants;

/// <summary>A tenant and its API keys (stored hashed). Keyed by the tenant's name.</summary>
[Alias("obatch.ITenantGrain")]
public interface ITenantGrain : IGrainWithStringKey
{
    /// <summary>Creates the tenant; 409 <c>TenantExists</c> when it exists.</summary>
    [Alias("Create")] Task<Snapshot<TenantState>> CreateAsync();

    /// <summary>The tenant; 404 <c>TenantNotFound</c>.</summary>
    [Alias("Get")] Task<Snapshot<TenantState>> GetAsync();

    /// <summary>Stores a new key's id and hash (the key itself never reaches a grain).</summary>
    [Alias("AddKey")] Task<ApiKeyRecord> AddKeyAsync(string keyId, string keyHash, TenantRole role);

    /// <summary>Revokes a key; it stops working at once.</summary>
    [Alias("RevokeKey")] Task RevokeKeyAsync(string keyId);

    /// <summary>The active key with this id, or null (unknown tenant, unknown or revoked key).</summary>
    [Alias("FindActiveKey"), ReadOnly] Task<ApiKeyRecord?> FindActiveKeyAsync(string keyId);
}
