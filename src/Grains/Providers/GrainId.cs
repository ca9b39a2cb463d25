namespace OrleansBatch.Grains.Providers;

/// <summary>
/// Identity of a stateful grain: its type (e.g. <c>endpoint</c>), the tenant that owns it and its key
/// within that tenant (e.g. <c>my-endpoint</c> or <c>my-endpoint/blue</c>). Platform-level grains use
/// the tenant <see cref="PlatformTenant"/>.
/// </summary>
public readonly record struct GrainId(string Type, string Tenant, string Key)
{
    /// <summary>The tenant under which platform-wide grains (tenants themselves) are kept.</summary>
    public const string PlatformTenant = "_platform";

    public override string ToString() => $"{Type}/{Tenant}/{Key}";
}
