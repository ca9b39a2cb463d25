using OrleansBatch.Abstractions;

namespace OrleansBatch.Grains.Providers;

/// <summary>
/// The key of a record in the query store beside grain storage: its type (e.g. <c>endpoint</c>), the tenant that owns
/// it and its key within that tenant (e.g. <c>my-endpoint</c> or <c>my-endpoint/blue</c>). Platform-level records
/// use the tenant <see cref="PlatformTenant"/>.
/// </summary>
public readonly record struct StateKey(string Type, string Tenant, string Key)
{
    /// <summary>The tenant under which platform-wide grains (tenants themselves) are kept.</summary>
    public const string PlatformTenant = TenantContext.Platform;

    public override string ToString() => $"{Type}/{Tenant}/{Key}";
}
