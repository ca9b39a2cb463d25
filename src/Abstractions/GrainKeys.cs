namespace OrleansBatch.Abstractions;

/// <summary>
/// Grain keys: the tenant is always the first segment (<c>tenant/name</c>, <c>tenant/endpoint/deployment</c>),
/// so a grain call filter can check the caller's tenant against any key.
/// </summary>
public static class GrainKeys
{
    /// <summary>The key of a tenant's resource: its segments joined by '/'.</summary>
    public static string Of(string tenant, params string[] names) => names.Length == 0 ? tenant : tenant + "/" + string.Join('/', names);

    /// <summary>The tenant a key belongs to (its first segment).</summary>
    public static string TenantOf(string key)
    {
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? key : key[..slash];
    }

    /// <summary>The segments after the tenant.</summary>
    public static string[] NamesOf(string key) => key.Split('/')[1..];
}
