using Azure.Data.Tables;
using Orleans.Configuration;
using Orleans.Hosting;

namespace OrleansBatch.OrleansClient;

/// <summary>The one client-side clustering of this platform: used by <see cref="OrleansBatchClientExtensions.UseOrleansBatchClient"/> and by the gateway when it is an Orleans client.</summary>
public static class ClusterClientExtensions
{
    /// <summary>Joins the cluster <paramref name="connection"/> names (localhost gateway, or the silos' Azure Table membership), with trace propagation on grain calls.</summary>
    public static IClientBuilder UseOrleansBatchCluster(this IClientBuilder client, ClusterConnection connection)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(connection);
        // A caller's trace continues into the silos (the job's spans join the service's request).
        client.AddActivityPropagation();
        if (connection.Provider == ClusterConnection.AzureStorage)
        {
            client.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = connection.ClusterId;
                o.ServiceId = ClusterConnection.ServiceId;
            });
            var tables = new TableServiceClient(connection.ConnectionString);
            client.UseAzureStorageClustering(o => o.Configure(t =>
            {
                t.TableServiceClient = tables;
                t.TableName = ClusterConnection.TableName(connection.StoragePrefix, "membership");
            }));
        }
        else
        {
            client.UseLocalhostClustering(connection.GatewayPort, ClusterConnection.ServiceId, connection.ClusterId);
        }
        return client;
    }
}
