using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Configuration;
using Orleans.Configuration;
using Orleans.Hosting;
using OrleansBatch.Grains;
using OrleansBatch.Grains.Security;
using OrleansBatch.Silo.Jobs;
using Orleans.Runtime;
using Microsoft.Extensions.DependencyInjection;
using OrleansBatch.Storage.Local;
using OrleansBatch.Storage.Sqlite;
using Microsoft.Extensions.Options;
using OrleansBatch.OrleansClient;

namespace OrleansBatch.Silo.Hosting;

/// <summary>The one silo configuration of this platform, used by the gateway's embedded silo and by the silo process.</summary>
public static class OrleansBatchSiloExtensions
{
    /// <summary>
    /// Clustering, grain storage and reminders for the hosting mode (<see cref="SiloProviderOptions"/>): the embedded
    /// default clusters on localhost and keeps grain state and reminders in SQLite in the data directory; <c>AzureStorage</c> uses Orleans' Azure Table
    /// membership and reminders and Azure Blob grain storage. Grain state is serialized with System.Text.Json; every call
    /// passes the tenant filter, and calls this silo makes carry the platform's internal key (<see cref="InternalCallKey"/>).
    /// </summary>
    public static ISiloBuilder UseOrleansBatch(this ISiloBuilder silo, SiloProviderOptions provider, IConfiguration configuration)
    {
        var cluster = ClusterSettings.Read(configuration);
        silo.Configure<ClusterOptions>(o =>
        {
            o.ClusterId = cluster.ClusterId;
            o.ServiceId = ClusterSettings.ServiceId;
        });
        if (provider.IsAzureStorage)
        {
            var tables = new TableServiceClient(provider.ConnectionString);
            silo.ConfigureEndpoints(cluster.Address, cluster.SiloPort, cluster.GatewayPort, listenOnAnyHostAddress: !cluster.Address.Equals(System.Net.IPAddress.Loopback));
            silo.UseAzureStorageClustering(o => o.Configure(t =>
            {
                t.TableServiceClient = tables;
                t.TableName = TableName(provider, "membership");
            }));
            // Blobs, not table entities: a job's record holds its resolved input files and may pass a table entity's 1 MiB.
            silo.AddAzureBlobGrainStorage(StorageNames.Grains, o => o.Configure(b =>
            {
                b.BlobServiceClient = new BlobServiceClient(provider.ConnectionString);
                b.ContainerName = provider.ContainerPrefix + "-grains";
            }));
            silo.UseAzureTableReminderService(o => o.Configure(t =>
            {
                t.TableServiceClient = tables;
                t.TableName = TableName(provider, "reminders");
            }));
            // A dead silo is noticed in seconds, not the default half minute (registry.md: 1.2 s for kill -9).
            silo.Configure<ClusterMembershipOptions>(o =>
            {
                o.ProbeTimeout = TimeSpan.FromSeconds(1);
                o.NumMissedProbesLimit = 2;
                o.NumVotesForDeathDeclaration = 1;
                o.IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(10);
            });
        }
        else
        {
            silo.UseLocalhostClustering(cluster.SiloPort, cluster.GatewayPort, serviceId: ClusterSettings.ServiceId, clusterId: cluster.ClusterId);
            // Grain state and reminders in the data directory, through our SQLite providers. The folder is read from the
            // Local storage options when first needed, so a test host's late configuration is seen.
            silo.AddSqliteGrainStorage(StorageNames.Grains, o => o.Configure<IOptions<LocalStorageOptions>>((s, local) => s.DatabasePath = GrainsDatabase(local.Value)));
            silo.UseSqliteReminderService(o => o.Configure<IOptions<LocalStorageOptions>>((s, local) => s.DatabasePath = GrainsDatabase(local.Value)));
        }
        silo.UseSystemTextJsonGrainStorageSerializer();
        // Job logs and results name the silo as Orleans' membership does.
        silo.Services.AddOptions<JobOptions>().Configure<ILocalSiloDetails>((o, local) => o.SiloId = local.Name);
        silo.AddTenantIsolation(provider.IsAzureStorage ? InternalCallKey.ForStorageAccount(provider.ConnectionString) : InternalCallKey.ForProcess());
        // A grain call carries the caller's trace context, so a job's mini-batches are spans of its trace on any silo.
        silo.AddActivityPropagation();
        return silo;
    }

    /// <summary>
    /// The gateway as an Orleans client of a cluster (<c>OBATCH_EMBEDDED_SILO=false</c>): the Orleans client library's
    /// clustering (<see cref="ClusterClientExtensions.UseOrleansBatchCluster"/>) on the silos' Azure Table membership.
    /// </summary>
    public static IClientBuilder UseOrleansBatchCluster(this IClientBuilder client, SiloProviderOptions provider, IConfiguration configuration)
    {
        var cluster = ClusterSettings.Read(configuration);
        if (!provider.IsAzureStorage)
            throw new InvalidOperationException($"OBATCH_EMBEDDED_SILO=false needs a cluster to join: set {SiloProviderOptions.ProviderKey}=AzureStorage and {SiloProviderOptions.ConnectionStringKey} as the silos have them.");
        // The gateway is one of the platform's own processes: its calls carry the cluster's internal key.
        client.AddInternalCallStamp(InternalCallKey.ForStorageAccount(provider.ConnectionString));
        return client.UseOrleansBatchCluster(new ClusterConnection(ClusterConnection.AzureStorage, cluster.ClusterId, cluster.GatewayPort, provider.ConnectionString, provider.ContainerPrefix));
    }

    private static string GrainsDatabase(LocalStorageOptions local) => Path.Combine(local.DataDirectory, "grains.db");

    private static string TableName(SiloProviderOptions provider, string name) => ClusterConnection.TableName(provider.ContainerPrefix, name);
}
