using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace OrleansBatch.OrleansClient;

/// <summary>
/// Settings of <see cref="OrleansBatchClientExtensions.UseOrleansBatchClient"/>. Read first from configuration (the
/// platform's own keys: <c>OBATCH_TENANT</c>, <c>OBATCH_PROVIDER</c>, <c>OBATCH_GATEWAY_PORT</c>, <c>OBATCH_CLUSTER_ID</c>,
/// <c>OBATCH_STORAGE_CONNECTION_STRING</c>, <c>OBATCH_STORAGE_PREFIX</c>), then changed by the registration's delegate.
/// </summary>
public sealed class OrleansBatchClientOptions
{
    public const string TenantKey = "OBATCH_TENANT";
    public const string ProviderKey = "OBATCH_PROVIDER";
    public const string GatewayPortKey = "OBATCH_GATEWAY_PORT";
    public const string ClusterIdKey = "OBATCH_CLUSTER_ID";
    public const string ConnectionStringKey = "OBATCH_STORAGE_CONNECTION_STRING";
    public const string StoragePrefixKey = "OBATCH_STORAGE_PREFIX";

    /// <summary>The one tenant every call of this client acts for (required). The silos refuse calls to other tenants' grains.</summary>
    public string? Tenant { get; set; }

    /// <summary><c>Local</c> (default: the embedded platform on this machine, through <see cref="GatewayPort"/>) or <c>AzureStorage</c> (a cluster).</summary>
    public string Provider { get; set; } = ClusterConnection.Local;

    /// <summary>The platform's gateway port on this machine (Local); start the platform with the same <c>OBATCH_GATEWAY_PORT</c>.</summary>
    public int GatewayPort { get; set; } = ClusterConnection.DefaultGatewayPort;

    /// <summary>The cluster's id, as the silos have it.</summary>
    public string ClusterId { get; set; } = ClusterConnection.DefaultClusterId;

    /// <summary>The storage account of the cluster's membership table (AzureStorage), as the silos have it.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The prefix of the platform's tables, as the silos have it.</summary>
    public string StoragePrefix { get; set; } = ClusterConnection.DefaultStoragePrefix;

    /// <summary>How long the start keeps trying to reach the cluster before it fails with the connection error.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often <see cref="JobsClient.WaitForCompletionAsync"/> reads a running job.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Takes every setting that <paramref name="configuration"/> has; a port that is not a number is kept as is for the validator to name.</summary>
    public void Bind(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        Tenant = NonEmpty(configuration[TenantKey]) ?? Tenant;
        Provider = NonEmpty(configuration[ProviderKey]) ?? Provider;
        ClusterId = NonEmpty(configuration[ClusterIdKey]) ?? ClusterId;
        ConnectionString = NonEmpty(configuration[ConnectionStringKey]) ?? ConnectionString;
        StoragePrefix = NonEmpty(configuration[StoragePrefixKey]) ?? StoragePrefix;
        if (NonEmpty(configuration[GatewayPortKey]) is { } port)
            GatewayPort = int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? p : -1;
    }

    /// <summary>Where the cluster is, from these settings (call after validation).</summary>
    public ClusterConnection ToConnection() =>
        new(string.Equals(Provider, ClusterConnection.AzureStorage, StringComparison.OrdinalIgnoreCase) ? ClusterConnection.AzureStorage : ClusterConnection.Local,
            ClusterId, GatewayPort, ConnectionString, StoragePrefix);

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
