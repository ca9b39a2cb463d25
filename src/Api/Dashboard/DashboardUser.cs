using System.Security.Claims;
using OrleansBatch.Api.Security;
using OrleansBatch.Abstractions.Tenants;

namespace OrleansBatch.Api.Dashboard;

/// <summary>Who is signed in to the dashboard: a tenant key's tenant and role, or the platform admin.</summary>
internal sealed record DashboardUser(string? Tenant, TenantRole? Role)
{
    public bool IsPlatformAdmin => Tenant is null;

    /// <summary>May invoke, cancel, switch defaults and upload (contributor or admin).</summary>
    public bool CanContribute => Role >= TenantRole.Contributor;

    /// <summary>The tenant of a tenant key; the dashboard's tenant pages are never reached without one.</summary>
    public string TenantName => Tenant ?? throw new InvalidOperationException("The platform admin has no tenant.");

    public string RoleName => Role?.ToString().ToLowerInvariant() ?? ApiKeyClaims.PlatformRole;

    public static DashboardUser Of(ClaimsPrincipal user) =>
        new(user.FindFirst(ApiKeyClaims.Tenant)?.Value, AccessPolicies.RoleOf(user));
}
