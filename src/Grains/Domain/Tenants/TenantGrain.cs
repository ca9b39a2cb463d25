using OrleansBatch.Abstractions;
using OrleansBatch.Abstractions.Tenants;
using OrleansBatch.Grains.Providers;

namespace OrleansBatch.Grains.Domain.Tenants;

/// <summary>A tenant and its API keys. Keyed by the tenant's name; listed under the platform tenant.</summary>
public sealed class TenantGrain(
    [PersistentState("tenant", StorageNames.Grains)] IPersistentState<StoredState<TenantState>> state, IGrainStateStore catalog, TimeProvider time)
    : ResourceGrain<TenantState>(state, catalog, time), ITenantGrain
{
    public const string GrainType = "tenant";

    public const int MaxActiveKeys = 100;

    protected override StateKey CatalogKey => CatalogKeyOf(Name);

    private string Name => this.GetPrimaryKeyString();

    public static StateKey CatalogKeyOf(string tenant) => new(GrainType, StateKey.PlatformTenant, tenant);

    public Task<Snapshot<TenantState>> CreateAsync()
    {
        var name = ResourceName.Normalize(Name);
        var now = Time.GetUtcNow();
        return ExecuteAsync(current =>
        {
            if (current.Exists)
                throw DomainException.Conflict("TenantExists", $"Tenant '{name}' already exists.");
            var created = new TenantState(name, now, []);
            return Outcome<TenantState, Snapshot<TenantState>>.Write(created, new(created, 1));
        });
    }

    public Task<Snapshot<TenantState>> GetAsync() =>
        Task.FromResult(Current is { State: { } tenant } current ? new Snapshot<TenantState>(tenant, current.Version) : throw NotFound(Name));

    public Task<ApiKeyRecord> AddKeyAsync(string keyId, string keyHash, TenantRole role)
    {
        var now = Time.GetUtcNow();
        return ExecuteAsync(current =>
        {
            var tenant = current.State ?? throw NotFound(Name);
            if (tenant.Keys.Count(k => k.IsActive) >= MaxActiveKeys)
                throw DomainException.Conflict("TooManyKeys", $"Tenant '{Name}' already has {MaxActiveKeys} active keys; revoke unused ones first.");
            var key = new ApiKeyRecord(keyId, role, keyHash, now);
            return Outcome<TenantState, ApiKeyRecord>.Write(tenant with { Keys = tenant.Keys.Append(key).ToList() }, key);
        });
    }

    public Task RevokeKeyAsync(string keyId)
    {
        var now = Time.GetUtcNow();
        return ExecuteAsync(current =>
        {
            var tenant = current.State ?? throw NotFound(Name);
            var key = tenant.Keys.FirstOrDefault(k => k.Id == keyId)
                ?? throw DomainException.NotFound("KeyNotFound", $"Tenant '{Name}' has no API key '{keyId}'.");
            if (!key.IsActive)
                return Outcome<TenantState, bool>.Keep(false);
            var keys = tenant.Keys.Select(k => k.Id == keyId ? k with { RevokedAt = now } : k).ToList();
            return Outcome<TenantState, bool>.Write(tenant with { Keys = keys }, true);
        });
    }

    public Task<ApiKeyRecord?> FindActiveKeyAsync(string keyId) =>
        Task.FromResult(Current.State?.Keys.FirstOrDefault(k => k.Id == keyId && k.IsActive));

    private static DomainException NotFound(string tenant) => DomainException.NotFound("TenantNotFound", $"Tenant '{tenant}' does not exist.");
}
