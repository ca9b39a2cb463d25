using OrleansBatch.Grains;
using OrleansBatch.Abstractions;

namespace OrleansBatch.Silo.Jobs;

/// <summary>
/// Confines local input paths to the configured data roots: a path must not contain <c>..</c>, and with
/// every symbolic link resolved it must still lie under a root (whose own links are resolved too). A root may
/// contain <see cref="TenantPlaceholder"/> (<c>/data/{tenant}</c>): <see cref="ForTenant"/> gives each tenant
/// its own folder only, so a tenant never reads another's files through a shared root.
/// </summary>
public sealed class DataRoots(IEnumerable<string> roots)
{
    /// <summary>Stands for the calling tenant's name in a data root.</summary>
    public const string TenantPlaceholder = "{tenant}";

    private readonly List<string> _templates = roots.Where(r => !string.IsNullOrWhiteSpace(r)).ToList();

    private List<string>? _resolved;

    /// <summary>The roots with their links resolved, worked out at first use (a template with {tenant} is never resolved itself).</summary>
    private List<string> Resolved => _resolved ??= _templates.Select(r => WithSlash(RealPath(Path.GetFullPath(r)))).ToList();

    /// <summary>The roots one tenant may read: every <c>{tenant}</c> replaced by its name (tenant names are plain: letters, digits, '-').</summary>
    public DataRoots ForTenant(string tenant)
    {
        if (tenant.Length == 0 || !tenant.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
            throw new ArgumentException($"'{tenant}' is not a tenant name.", nameof(tenant));
        return new DataRoots(_templates.Select(r => r.Replace(TenantPlaceholder, tenant, StringComparison.Ordinal)));
    }

    /// <summary>The real (link-free) full path of <paramref name="given"/>; 400 InputNotAllowed outside the roots, 400 InputNotFound when absent.</summary>
    public string Resolve(string given, string field)
    {
        var path = given.StartsWith("file://", StringComparison.OrdinalIgnoreCase) ? Uri.UnescapeDataString(given["file://".Length..]) : given;
        if (path.Replace('\\', '/').Split('/').Any(part => part == ".."))
            throw NotAllowed(given, field, "it contains '..'");
        if (!Path.IsPathRooted(path))
            throw NotAllowed(given, field, "it is not an absolute path");
        if (Resolved.Count == 0)
            throw NotAllowed(given, field, "this installation reads no local paths (no data roots are configured)");
        if (!File.Exists(path) && !Directory.Exists(path))
            throw DomainException.Invalid("InputNotFound", $"{field}: '{given}' does not exist. Check the path; it must be a file or folder under the data roots your operator configured.");
        var real = RealPath(Path.GetFullPath(path));
        return IsUnderRoot(real) ? real : throw NotAllowed(given, field, "it resolves (following links) outside the data roots");
    }

    /// <summary>Whether a real path lies under a root (used for every file found in an input folder, since a file may be a link).</summary>
    public bool IsUnderRoot(string realPath) =>
        Resolved.Any(root => WithSlash(realPath).StartsWith(root, StringComparison.Ordinal));

    /// <summary>The path with every symbolic link in it resolved.</summary>
    public static string RealPath(string fullPath)
    {
        var parts = fullPath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var current = "/";
        for (var i = 0; i < parts.Length; i++)
        {
            var next = Path.Combine(current, parts[i]);
            for (var hops = 0; hops < 40; hops++)
            {
                var info = new FileInfo(next);
                if (info.LinkTarget is null)
                    break;
                next = Path.GetFullPath(info.LinkTarget, current);
                next = RealPath(next);
            }
            current = next;
        }
        return current;
    }

    private DomainException NotAllowed(string given, string field, string why) =>
        // The roots themselves are not named: they are the server's folders (and other tenants' names when shared).
        DomainException.Invalid("InputNotAllowed", $"{field}: '{given}' is not allowed: {why}. Inputs may be upload:// paths, azureml: data assets, or paths under the data roots your operator configured.");

    private static string WithSlash(string path) => path.EndsWith('/') ? path : path + "/";
}
