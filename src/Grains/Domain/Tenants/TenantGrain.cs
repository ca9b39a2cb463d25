using OrleansBatch.Grains.Providers;
using OrleansBatch.Grains.Runtime;

namespace OrleansBatch.Grains.Domain.Tenants;

/// <summary>Tenants and their API keys. Tenant grains are platform-scoped (<see cref="GrainId.PlatformTenant"/>).</summary>
public sealed class TenantGrain(GrainRuntime runtime, TimeProvider time)
{
    public const string GrainType = "tenant";

    public static GrainId IdOf(string tenant) => new(GrainType, GrainId.PlatformTenant, tenant);

    public Task<Snapshot<TenantState>> CreateAsync(string name, CancellationToken cancellationToken = default)
    {
        name = ResourceName.Normalize(name);
        var now = time.GetUtcNow();
        return runtime.ExecuteAsync<TenantState, Snapshot<TenantState>>(IdOf(name), current =>
        {
            if (current.Exists)
                throw DomainException.Conflict("TenantExists", $"Tenant '{name}' already exists.");
            var state = new TenantState(name, now, []);
            return Outcome<TenantState, Snapshot<TenantState>>.Write(state, new(state, 1));
        }, cancellationToken: cancellationToken);
    }

    public async Task<Snapshot<TenantState>> GetAsync(string name, CancellationToken cancellationToken = default)
    {
        var current = await runtime.ReadAsync<TenantState>(IdOf(name.ToLowerInvariant()), cancellationToken).ConfigureAwait(false);
        return current.State is { } state ? new(state, current.Version) : throw NotFound(name);
    }

    public Task<Page<Snapshot<TenantState>>> ListAsync(int top, string? continuation, CancellationToken cancellationToken = default) =>
        runtime.QueryAsync<TenantState, Snapshot<TenantState>>(new GrainQuery(GrainType, GrainId.PlatformTenant, "", top, continuation),
            (state, record) => new(state, record.Version), cancellationToken);

    /// <summary>Number of tenants (for metrics).</summary>
    public async Task<int> CountAsync(CancellationToken cancellationToken = default)
    {
        var count = 0;
        string? continuation = null;
        do
        {
            var page = await runtime.Store.QueryAsync(new GrainQuery(GrainType, GrainId.PlatformTenant, "", 1000, continuation), cancellationToken).ConfigureAwait(false);
            count += page.Items.Count;
            continuation = page.Continuation;
        }
        while (continuation is not null);
        return count;
    }

    public Task<ApiKeyRecord> AddKeyAsync(string tenant, TenantRole role, IssuedApiKey issued, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        return runtime.ExecuteAsync<TenantState, ApiKeyRecord>(IdOf(tenant), current =>
        {
            var state = current.State ?? throw NotFound(tenant);
            if (state.Keys.Count(k => k.IsActive) >= 100)
                throw DomainException.Conflict("TooManyKeys", $"Tenant '{tenant}' already has 100 active keys; revoke unused ones first.");
            var key = new ApiKeyRecord(issued.Id, role, issued.Hash, now);
            return Outcome<TenantState, ApiKeyRecord>.Write(state with { Keys = [.. state.Keys, key] }, key);
        }, cancellationToken: cancellationToken);
    }

    /// <summary>Revokes a key; it stops working at once, because every request reads the tenant's keys.</summary>
    public Task RevokeKeyAsync(string tenant, string keyId, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        return runtime.ExecuteAsync<TenantState, bool>(IdOf(tenant), current =>
        {
            var state = current.State ?? throw NotFound(tenant);
            var key = state.Keys.FirstOrDefault(k => k.Id == keyId)
                ?? throw DomainException.NotFound("KeyNotFound", $"Tenant '{tenant}' has no API key '{keyId}'.");
            if (!key.IsActive)
                return Outcome<TenantState, bool>.Keep(false);
            var keys = state.Keys.Select(k => k.Id == keyId ? k with { RevokedAt = now } : k).ToList();
            return Outcome<TenantState, bool>.Write(state with { Keys = keys }, true);
        }, cancellationToken: cancellationToken);
    }

    /// <summary>The active key with this id, or null (unknown tenant, unknown or revoked key).</summary>
    public async Task<ApiKeyRecord?> FindActiveKeyAsync(string tenant, string keyId, CancellationToken cancellationToken = default)
    {
        var current = await runtime.ReadAsync<TenantState>(IdOf(tenant), cancellationToken).ConfigureAwait(false);
        return current.State?.Keys.FirstOrDefault(k => k.Id == keyId && k.IsActive);
    }

    private static DomainException NotFound(string tenant) => DomainException.NotFound("TenantNotFound", $"Tenant '{tenant}' does not exist.");
}
