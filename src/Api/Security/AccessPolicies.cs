using Microsoft.AspNetCore.Authorization;
using OrleansBatch.Grains.Domain.Tenants;
using OrleansBatch.Abstractions.Tenants;

namespace OrleansBatch.Api.Security;

/// <summary>Authorization policies: the platform admin, and tenant roles (each includes the ones below it).</summary>
internal static class AccessPolicies
{
    public const string Platform = "platform";
    public const string Reader = "tenant-reader";
    public const string Contributor = "tenant-contributor";
    public const string TenantAdmin = "tenant-admin";

    /// <summary>Tenant keys: the platform admin, or a tenant admin (for its own tenant; others answer 404).</summary>
    public const string KeyAdmin = "key-admin";

    public static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(Platform, p => p.RequireClaim(ApiKeyClaims.Role, ApiKeyClaims.PlatformRole));
        options.AddPolicy(Reader, p => p.RequireAssertion(c => RoleOf(c.User) >= TenantRole.Reader));
        options.AddPolicy(Contributor, p => p.RequireAssertion(c => RoleOf(c.User) >= TenantRole.Contributor));
        options.AddPolicy(TenantAdmin, p => p.RequireAssertion(c => RoleOf(c.User) >= TenantRole.Admin));
        options.AddPolicy(KeyAdmin, p => p.RequireAssertion(c =>
            c.User.HasClaim(ApiKeyClaims.Role, ApiKeyClaims.PlatformRole) || RoleOf(c.User) >= TenantRole.Admin));
    }

    public static TenantRole? RoleOf(System.Security.Claims.ClaimsPrincipal user) =>
        user.FindFirst(ApiKeyClaims.Tenant) is not null && Enum.TryParse<TenantRole>(user.FindFirst(ApiKeyClaims.Role)?.Value, true, out var role)
            ? role
            : null;
}
