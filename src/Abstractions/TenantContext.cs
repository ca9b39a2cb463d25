namespace OrleansBatch.Abstractions;

/// <summary>
/// The tenant a grain call is made for, carried in Orleans' <see cref="Orleans.Runtime.RequestContext"/>. Every grain
/// of this platform checks it against the tenant in its key (the silo's incoming call filter), so a bug or a client
/// bound to another tenant cannot cross tenants. <see cref="Platform"/> is the platform itself (the gateway's
/// platform-admin routes and the API key check), allowed everywhere.
/// </summary>
public static class TenantContext
{
    /// <summary>The <see cref="Orleans.Runtime.RequestContext"/> key.</summary>
    public const string Key = "obatch-tenant";

    /// <summary>The caller that acts for the platform rather than for one tenant.</summary>
    public const string Platform = "_platform";

    /// <summary>The tenant of the current call context, or null.</summary>
    public static string? Current => Orleans.Runtime.RequestContext.Get(Key) as string;

    /// <summary>Makes the following grain calls of this async flow act for <paramref name="tenant"/>.</summary>
    public static void Set(string tenant) => Orleans.Runtime.RequestContext.Set(Key, tenant);
}
