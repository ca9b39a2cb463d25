using System.Text.RegularExpressions;
using OrleansBatch.Abstractions;

namespace OrleansBatch.Silo.Jobs;

/// <summary>
/// Confines local paths (job inputs, and outputs with an absolute <c>output.path</c>) to the configured data roots: a
/// path must not contain <c>..</c>, and with every symbolic link resolved it must still lie under a root (whose own
/// links are resolved too). A root may contain <see cref="TenantPlaceholder"/> (<c>/data/{tenant}</c>):
/// <see cref="ForTenant"/> gives each tenant its own folder only, and a path inside another tenant's folder is refused
/// even when a shared root also covers it. The platform's data directory is never reached through a root that
/// contains it (only through a root inside it, such as the default <c>&lt;data dir&gt;/data/{tenant}</c>).
/// </summary>
public sealed class DataRoots
{
    /// <summary>Stands for the calling tenant's name in a data root.</summary>
    public const string TenantPlaceholder = "{tenant}";

    private readonly List<string> _templates;
    private readonly string? _platformDirectory;
    private readonly string? _tenant;
    private List<string>? _resolved;
    private List<Regex>? _tenantFolders;

    /// <summary>Data roots (<c>OBATCH_DATA_ROOTS</c>) and the platform's data directory, which no root opens unless the root lies inside it.</summary>
    public DataRoots(IEnumerable<string> roots, string? platformDirectory = null)
        : this(roots.Where(r => !string.IsNullOrWhiteSpace(r)).ToList(), string.IsNullOrWhiteSpace(platformDirectory) ? null : platformDirectory, tenant: null)
    {
    }

    private DataRoots(List<string> templates, string? platformDirectory, string? tenant)
    {
        _templates = templates;
        _platformDirectory = platformDirectory;
        _tenant = tenant;
    }

    /// <summary>The roots, each tenant's name put in, with their links resolved, worked out at first use (a template with {tenant} counts only for a tenant).</summary>
    private List<string> Resolved => _resolved ??= _templates
        .Where(r => _tenant is not null || !r.Contains(TenantPlaceholder, StringComparison.Ordinal))
        .Select(r => WithSlash(RealPath(Path.GetFullPath(_tenant is null ? r : r.Replace(TenantPlaceholder, _tenant, StringComparison.Ordinal)))))
        .ToList();

    /// <summary>Every tenant's folder of the roots with <c>{tenant}</c>, as patterns over real paths capturing the tenant.</summary>
    private List<Regex> TenantFolders => _tenantFolders ??= _templates
        .Where(r => r.Contains(TenantPlaceholder, StringComparison.Ordinal))
        .Select(r =>
        {
            var full = Path.GetFullPath(r);
            var at = full.IndexOf(TenantPlaceholder, StringComparison.Ordinal);
            var fixedPart = full[..at];
            var realFixed = fixedPart.EndsWith('/') ? WithSlash(RealPath(fixedPart)) : fixedPart;
            var pattern = Regex.Escape(realFixed + full[at..]).Replace(Regex.Escape(TenantPlaceholder), "(?<tenant>[A-Za-z0-9-]+)", StringComparison.Ordinal);
            return new Regex($"^{pattern}(/|$)", RegexOptions.CultureInvariant);
        })
        .ToList();

    private string? PlatformDirectory => _platformDirectory is null ? null : WithSlash(RealPath(Path.GetFullPath(_platformDirectory)));

    /// <summary>The roots one tenant may use: every <c>{tenant}</c> replaced by its name (tenant names are plain: letters, digits, '-').</summary>
    public DataRoots ForTenant(string tenant)
    {
        if (tenant.Length == 0 || !tenant.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
            throw new ArgumentException($"'{tenant}' is not a tenant name.", nameof(tenant));
        return new DataRoots(_templates, _platformDirectory, tenant);
    }

    /// <summary>The real (link-free) full path of <paramref name="given"/>; 400 InputNotAllowed outside the roots, 400 InputNotFound when absent.</summary>
    public string Resolve(string given, string field)
    {
        var path = Normalize(given, field, Input);
        if (!File.Exists(path) && !Directory.Exists(path))
            throw DomainException.Invalid("InputNotFound", $"{field}: '{given}' does not exist. Check the path; it must be a file or folder under the data roots your operator configured.");
        var real = RealPath(path);
        return IsUnderRoot(real) ? real : throw NotAllowed(field, "it resolves (following links) outside your data roots", Input);
    }

    /// <summary>
    /// The real (link-free) full path of an output folder, which need not exist yet; 400 OutputNotAllowed outside the
    /// tenant's roots (after links), with <c>..</c>, in another tenant's folder or in the platform's data directory.
    /// </summary>
    public string ResolveOutputFolder(string given, string field)
    {
        var real = RealPath(Normalize(given, field, Output));
        return IsUnderRoot(real) ? real.TrimEnd('/') : throw NotAllowed(field, "it resolves (following links) outside your data roots", Output);
    }

    /// <summary>
    /// Whether a real path lies under one of this tenant's roots, and neither in another tenant's folder nor in the
    /// platform's data directory (used for every file found in an input folder too, since a file may be a link).
    /// </summary>
    public bool IsUnderRoot(string realPath)
    {
        var path = WithSlash(realPath);
        var platform = PlatformDirectory;
        var inPlatform = platform is not null && path.StartsWith(platform, StringComparison.Ordinal);
        if (!Resolved.Any(root => path.StartsWith(root, StringComparison.Ordinal) && (!inPlatform || root.StartsWith(platform!, StringComparison.Ordinal))))
            return false;
        return !TenantFolders.Any(folder => folder.Match(path) is { Success: true } m && !string.Equals(m.Groups["tenant"].Value, _tenant, StringComparison.Ordinal));
    }

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

    private static readonly (string Code, string Uses) Input =
        ("InputNotAllowed", "Inputs may be upload:// paths, azureml: data assets, or paths under the data roots your operator configured.");

    private static readonly (string Code, string Uses) Output =
        ("OutputNotAllowed", "An absolute output.path must lie under your data roots; or use a relative folder such as 'scores/run-1' (kept in the platform's store), or a blob container URL.");

    /// <summary>The full path of a local path (plain or <c>file://</c>), refused with <c>..</c>, relative, or with no roots configured.</summary>
    private string Normalize(string given, string field, (string Code, string Uses) use)
    {
        var path = given.StartsWith("file://", StringComparison.OrdinalIgnoreCase) ? Uri.UnescapeDataString(given["file://".Length..]) : given;
        if (path.Replace('\\', '/').Split('/').Any(part => part == ".."))
            throw NotAllowed(field, "it contains '..'", use);
        if (!Path.IsPathRooted(path))
            throw NotAllowed(field, "it is not an absolute path", use);
        if (Resolved.Count == 0)
            throw NotAllowed(field, "this installation has no data roots for you (none are configured)", use);
        return Path.GetFullPath(path);
    }

    private static DomainException NotAllowed(string field, string why, (string Code, string Uses) use) =>
        // Neither the roots (the server's folders, and other tenants' names when shared) nor the path (it may name the
        // platform's own folders) is repeated.
        new(400, use.Code, $"{field} is not allowed: {why}. {use.Uses}", new Dictionary<string, string[]> { [field] = [why] });

    private static string WithSlash(string path) => path.EndsWith('/') ? path : path + "/";
}
