using System.Security.Claims;
using OrleansBatch.Abstractions;
using OrleansBatch.Abstractions.Tenants;
using OrleansBatch.Api.Hosting;
using OrleansBatch.Grains.Domain.Tenants;

namespace OrleansBatch.Api.Security;

/// <summary>
/// Checks an API key: the platform admin key, or a tenant key looked up by the tenant and key id inside it.
/// One check for the REST API (<see cref="ApiKeyAuthenticationHandler"/>, on every request) and the dashboard
/// sign-in (whose cookie is re-checked on every request with <see cref="IsStillValidAsync"/>).
/// </summary>
internal sealed class ApiKeyVerifier(PlatformAdminKey adminKey, IGrainFactory grains)
{
    /// <summary>The caller's claims, or null and why the key is refused.</summary>
    public async Task<(Claim[]? Claims, string? Failure)> VerifyAsync(string key, CancellationToken cancellationToken)
    {
        if (adminKey.Matches(key))
            return ([new Claim(ApiKeyClaims.Role, ApiKeyClaims.PlatformRole), new Claim(ApiKeyClaims.KeyId, adminKey.Fingerprint)], null);
        if (!ApiKeySecret.TryParse(key, out var tenant, out var keyId))
            return (null, "Malformed API key.");
        var record = await FindActiveKeyAsync(tenant, keyId).ConfigureAwait(false);
        if (record is null || !ApiKeySecret.Matches(key, record.Hash))
            return (null, "Unknown or revoked API key.");
        return ([
            new Claim(ApiKeyClaims.Tenant, tenant),
            new Claim(ApiKeyClaims.Role, record.Role.ToString().ToLowerInvariant()),
            new Claim(ApiKeyClaims.KeyId, record.Id)], null);
    }

    /// <summary>Whether claims issued earlier by <see cref="VerifyAsync"/> still hold: the key is not revoked, the admin key not changed.</summary>
    public async Task<bool> IsStillValidAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var keyId = user.FindFirst(ApiKeyClaims.KeyId)?.Value;
        if (keyId is null)
            return false;
        if (user.FindFirst(ApiKeyClaims.Tenant)?.Value is not { } tenant)
            return user.HasClaim(ApiKeyClaims.Role, ApiKeyClaims.PlatformRole) && keyId == adminKey.Fingerprint;
        var record = await FindActiveKeyAsync(tenant, keyId).ConfigureAwait(false);
        return record is not null && user.HasClaim(ApiKeyClaims.Role, record.Role.ToString().ToLowerInvariant());
    }

    private Task<ApiKeyRecord?> FindActiveKeyAsync(string tenant, string keyId)
    {
        // The key check acts for the platform: the caller's tenant is not known until the key matches.
        TenantContext.Set(TenantContext.Platform);
        return grains.Tenant(tenant).FindActiveKeyAsync(keyId);
    }
}
