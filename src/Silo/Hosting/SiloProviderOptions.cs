using Microsoft.Extensions.Configuration;

namespace OrleansBatch.Silo.Hosting;

/// <summary>
/// Which provider a process (gateway or silo) stores everything in, read from configuration in one place:
/// <c>OBATCH_PROVIDER</c> (<c>Local</c>, the default, or <c>AzureStorage</c>), <c>OBATCH_DATA_DIR</c> (Local),
/// <c>OBATCH_STORAGE_CONNECTION_STRING</c> and <c>OBATCH_STORAGE_PREFIX</c> (AzureStorage).
/// </summary>
public sealed class SiloProviderOptions
{
    public const string ProviderKey = "OBATCH_PROVIDER";
    public const string DataDirectoryKey = "OBATCH_DATA_DIR";
    public const string ConnectionStringKey = "OBATCH_STORAGE_CONNECTION_STRING";
    public const string ContainerPrefixKey = "OBATCH_STORAGE_PREFIX";
    public const string DataRootsKey = "OBATCH_DATA_ROOTS";

    public const string Local = "Local";
    public const string AzureStorage = "AzureStorage";

    /// <summary><see cref="Local"/> or <see cref="AzureStorage"/>.</summary>
    public string Provider { get; set; } = Local;

    /// <summary>Absolute data directory of the Local provider (default <c>./.obatch</c>).</summary>
    public string DataDirectory { get; set; } = "";

    public string? ConnectionString { get; set; }

    public string ContainerPrefix { get; set; } = "obatch";

    /// <summary>Local folders job inputs may come from (':'-separated in <c>OBATCH_DATA_ROOTS</c>).</summary>
    public IReadOnlyList<string> DataRoots { get; set; } = [];

    public bool IsAzureStorage => Provider == AzureStorage;

    /// <summary><c>OBATCH_DATA_DIR</c> as an absolute path (default <c>./.obatch</c>), for every process that reads it.</summary>
    public static string ReadDataDirectory(IConfiguration configuration) =>
        Path.GetFullPath(string.IsNullOrWhiteSpace(configuration[DataDirectoryKey]) ? "./.obatch" : configuration[DataDirectoryKey]!.Trim());

    /// <summary>
    /// <c>OBATCH_DATA_ROOTS</c>: ':'-separated folders, as absolute paths, each possibly with <c>{tenant}</c>; unset, the
    /// default <see cref="DefaultDataRoot"/> under the data directory, so local inputs work out of the box, per tenant.
    /// </summary>
    public static IReadOnlyList<string> ReadDataRoots(IConfiguration configuration) =>
        configuration[DataRootsKey] is { } roots && !string.IsNullOrWhiteSpace(roots)
            ? roots.Split(':', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Path.GetFullPath).ToList()
            : [DefaultDataRoot(ReadDataDirectory(configuration))];

    /// <summary>The data root when <c>OBATCH_DATA_ROOTS</c> is unset: <c>&lt;data dir&gt;/data/{tenant}</c>, each tenant its own folder.</summary>
    public static string DefaultDataRoot(string dataDirectory) => Path.Combine(dataDirectory, "data", "{tenant}");
}
