using System.Globalization;
using OrleansBatch.Silo.Hosting;

namespace OrleansBatch.Api.Hosting;

/// <summary>
/// Settings of the gateway, read from standard .NET configuration (environment variables included):
/// <c>OBATCH_DATA_DIR</c> (default <c>./.obatch</c>), <c>OBATCH_ADMIN_KEY</c>, <c>OBATCH_DATA_ROOTS</c>
/// (':'-separated folders that local job inputs may come from), <c>OBATCH_MAX_UPLOAD_MB</c> (default 512),
/// <c>OBATCH_MAX_JSON_KB</c> (default 1024) and <c>OBATCH_MAX_UPLOAD_FILES</c> (default 1000). The per-tenant quotas are
/// the silo's (<see cref="Silo.Limits.TenantQuotaOptions"/>), so an Orleans client's invoke meets them too.
/// </summary>
public sealed class GatewayOptions
{
    public const string DataDirectoryKey = SiloProviderOptions.DataDirectoryKey;
    public const string AdminKeyKey = "OBATCH_ADMIN_KEY";
    public const string DataRootsKey = SiloProviderOptions.DataRootsKey;
    public const string MaxUploadMegabytesKey = "OBATCH_MAX_UPLOAD_MB";
    public const string MaxJsonKilobytesKey = "OBATCH_MAX_JSON_KB";
    public const string MaxUploadFilesKey = "OBATCH_MAX_UPLOAD_FILES";

    /// <summary>Absolute path of the data directory (database, files, <c>admin.key</c>).</summary>
    public string DataDirectory { get; set; } = "";

    /// <summary>The platform admin key when configured; else one is generated into <c>admin.key</c>.</summary>
    public string? AdminKey { get; set; }

    /// <summary>Absolute folders under which <c>file://</c> and plain-path job inputs are allowed.</summary>
    public IReadOnlyList<string> DataRoots { get; set; } = [];

    public long MaxJsonBodyBytes { get; set; } = 1L << 20;

    public long MaxUploadBytes { get; set; } = 512L << 20;

    /// <summary>Files (parts named <c>file</c>) one upload or model registration may carry.</summary>
    public int MaxUploadFiles { get; set; } = 1000;

    /// <summary>Reads the settings from configuration; relative paths are resolved against the current directory.</summary>
    public static void Bind(GatewayOptions options, IConfiguration configuration)
    {
        // The same reading as the silo's (SiloProviderOptions), so gateway and silos agree on the folders.
        options.DataDirectory = SiloProviderOptions.ReadDataDirectory(configuration);
        options.AdminKey = NonEmpty(configuration[AdminKeyKey]);
        options.DataRoots = SiloProviderOptions.ReadDataRoots(configuration);
        if (long.TryParse(configuration[MaxUploadMegabytesKey], NumberStyles.None, CultureInfo.InvariantCulture, out var uploadMb))
            options.MaxUploadBytes = uploadMb << 20;
        if (long.TryParse(configuration[MaxJsonKilobytesKey], NumberStyles.None, CultureInfo.InvariantCulture, out var jsonKb))
            options.MaxJsonBodyBytes = jsonKb << 10;
        if (int.TryParse(configuration[MaxUploadFilesKey], NumberStyles.None, CultureInfo.InvariantCulture, out var files) && files > 0)
            options.MaxUploadFiles = files;
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
