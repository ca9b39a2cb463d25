using OrleansBatch.Grains.Domain.Tenants;
using OrleansBatch.Abstractions.Tenants;

namespace OrleansBatch.Api.Security;

/// <summary>
/// The tenant a request acts for, from its API key. Bound as an endpoint parameter in tenant route
/// groups (their authorization policy has already required a tenant key).
/// </summary>
public sealed record TenantCaller(string Tenant, TenantRole Role, string KeyId)
{
    public static ValueTask<TenantCaller?> BindAsync(HttpContext context)
    {
        var user = context.User;
        var tenant = user.FindFirst(ApiKeyClaims.Tenant)?.Value;
        var role = AccessPolicies.RoleOf(user);
        return ValueTask.FromResult(tenant is null || role is null
            ? null
            : new TenantCaller(tenant, role.Value, user.FindFirst(ApiKeyClaims.KeyId)?.Value ?? ""));
    }
}
