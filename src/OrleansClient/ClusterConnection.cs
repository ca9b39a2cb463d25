namespace OrleansBatch.OrleansClient;

/// <summary>
/// How an Orleans client finds the platform's cluster: on this machine (<see cref="Local"/>: the embedded default's
/// localhost clustering, through the silo's gateway port) or through the silos' Azure Table membership
/// (<see cref="AzureStorage"/>).
/// </summary>
/// <param name="Provider"><see cref="Local"/> or <see cref="AzureStorage"/>.</param>
/// <param name="ClusterId">The cluster's id (<c>OBATCH_CLUSTER_ID</c>, default <c>obatch</c>).</param>
/// <param name="GatewayPort">The silo's gateway port on this machine (<c>OBATCH_GATEWAY_PORT</c>); Local only.</param>
/// <param name="ConnectionString">The storage account holding the membership table; AzureStorage only.</param>
/// <param name="StoragePrefix">The prefix of the platform's tables (<c>OBATCH_STORAGE_PREFIX</c>, default <c>obatch</c>).</param>
public sealed record ClusterConnection(string Provider, string ClusterId, int GatewayPort, string? ConnectionString, string StoragePrefix)
{
    public const string Local = "Local";
    public const string AzureStorage = "AzureStorage";

    /// <summary>Orleans' service id: the same for every cluster of this platform, so storage layouts line up.</summary>
    public const string ServiceId = "orleans-batch";

    public const string DefaultClusterId = "obatch";

    public const string DefaultStoragePrefix = "obatch";

    /// <summary>Orleans' usual gateway port, the one to give the embedded platform (<c>OBATCH_GATEWAY_PORT=30000</c>).</summary>
    public const int DefaultGatewayPort = 30000;

    /// <summary>The name of the platform's table <paramref name="name"/> (e.g. <c>membership</c>) under <paramref name="storagePrefix"/>: letters and digits only, as Azure tables require.</summary>
    public static string TableName(string storagePrefix, string name) =>
        new((storagePrefix + name).Where(char.IsAsciiLetterOrDigit).ToArray());
}
