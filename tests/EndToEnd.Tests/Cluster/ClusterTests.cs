using System.Text;
using OrleansBatch.Client.Jobs;
using OrleansBatch.Client.Models;
using OrleansBatch.Api.Tests.Support;
using OrleansBatch.Api.Tests.Telemetry;
using OrleansBatch.EndToEnd.Tests.Support;

namespace OrleansBatch.EndToEnd.Tests.Cluster;

/// <summary>
/// Scale-out with real processes on Azurite: a gateway without a silo and three silo processes on the
/// AzureStorage provider. Jobs are created at the gateway and run entirely by the silos through storage.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ClusterTests(Support.Cluster cluster) : IClassFixture<Support.Cluster>
{
    [Fact]
    public async Task The_cluster_lists_every_silo_process_and_not_the_gateway()
    {
        var nodes = await cluster.Admin.GetClusterNodesAsync();

        foreach (var silo in cluster.Silos)
        {
            var node = Assert.Single(nodes, n => n.Id == silo.Id);
            Assert.Equal(ClusterNodeStatus.Active, node.Status);
            Assert.False(string.IsNullOrEmpty(node.Address));
            Assert.NotNull(node.LastHeartbeat);
        }
        Assert.Equal(cluster.Silos.Count, nodes.Count);
    }

    [Fact]
    public async Task The_gateway_as_orleans_client_serves_prometheus_metrics_of_its_http_server_and_its_orleans_client()
    {
        await cluster.Admin.GetClusterNodesAsync();
        using var http = cluster.Gateway.Client(cluster.Key);

        var metrics = PrometheusText.Parse(await http.GetStringAsync("/metrics"));

        Assert.True(metrics.Sum("http_server_request_duration_seconds_count", ("http_route", "/v1/cluster")) >= 1);
        Assert.True(metrics.Sum("orleans_client_connected_gateways") >= 1);
    }

    [Fact]
    public async Task Three_silos_share_a_blob_folder_and_a_large_uploaded_csv_and_the_outputs_are_in_input_order()
    {
        var images = Directory.GetFiles(RepositoryPaths.Sample("digits", "images")).Order(StringComparer.Ordinal).ToList();
        var folderUrl = await cluster.UploadBlobFolderAsync("digits-" + Guid.NewGuid().ToString("N")[..6], images);
        var csvFolder = Path.Combine(cluster.WorkDirectory, "csv-" + Guid.NewGuid().ToString("N")[..6]);
        var expectedCsv = Platform.WriteLargeCsv(csvFolder, 20_000);
        var upload = await cluster.Client.UploadFilesAsync([Path.Combine(csvFolder, "big.csv")]);
        var debug = new BatchJobSettings { LoggingLevel = "debug" };

        var folderJob = await cluster.Client.InvokeEndpointAsync("digits", new BatchJobInvocation { Input = BatchJobInput.Folder(folderUrl), Settings = debug });
        var csvJob = await cluster.Client.InvokeEndpointAsync("cancer", new BatchJobInvocation
        {
            Input = BatchJobInput.Folder(upload.Path),
            Settings = debug with { MiniBatchSize = "500 rows" },
        });
        var folderDone = await folderJob.WaitForCompletionAsync(TimeSpan.FromMilliseconds(200));
        var csvDone = await csvJob.WaitForCompletionAsync(TimeSpan.FromMilliseconds(200));

        Assert.Equal(BatchJobStatus.Completed, folderDone.Status);
        Assert.Equal(BatchJobStatus.Completed, csvDone.Status);
        Assert.Equal(20, folderDone.Progress!.MiniBatches.Total);
        Assert.True(csvDone.Progress!.MiniBatches.Total >= 30, $"{csvDone.Progress.MiniBatches.Total} mini-batches");
        Platform.AssertSameRows(File.ReadAllLines(RepositoryPaths.Sample("digits", "expected.csv")), await DownloadAsync(folderJob));
        Platform.AssertSameRows(expectedCsv, await DownloadAsync(csvJob));

        // Every silo scored mini-batches of both jobs (the debug log names the worker of each one).
        foreach (var job in new[] { folderJob, csvJob })
        {
            var log = await job.ReadLogAsync().ToListAsync();
            foreach (var silo in cluster.Silos)
                Assert.Contains(log, l => l.Contains("done by worker", StringComparison.Ordinal) && l.Contains("@" + silo.Id + ":", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Blob_urls_of_the_tenants_own_files_are_read_and_written_other_containers_are_refused_and_the_sas_is_never_shown()
    {
        var images = Directory.GetFiles(RepositoryPaths.Sample("digits", "images")).Order(StringComparer.Ordinal).Take(9).ToList();
        var sas = "?" + cluster.BlobSas();
        var folderUrl = await cluster.UploadBlobFolderAsync("nine-" + Guid.NewGuid().ToString("N")[..6], images) + sas;
        var run = "run-" + Guid.NewGuid().ToString("N")[..6];
        var output = new BatchJobOutput($"{cluster.Artifacts.Uri.ToString().TrimEnd('/')}/tenants/{cluster.Tenant}/results/{run}{sas}", "scores.csv");

        var job = await cluster.Client.InvokeEndpointAsync("digits", new BatchJobInvocation { Input = BatchJobInput.Folder(folderUrl), Output = output });
        var done = await job.WaitForCompletionAsync(TimeSpan.FromMilliseconds(200));
        var again = await Assert.ThrowsAsync<OrleansBatch.Client.OrleansBatchRequestException>(() =>
            cluster.Client.InvokeEndpointAsync("digits", new BatchJobInvocation { Input = BatchJobInput.Folder(folderUrl), Output = output }));
        var elsewhere = await Assert.ThrowsAsync<OrleansBatch.Client.OrleansBatchRequestException>(() =>
            cluster.Client.InvokeEndpointAsync("digits", new BatchJobInvocation
            {
                Input = BatchJobInput.Folder(folderUrl),
                Output = new BatchJobOutput($"{cluster.Account.GetBlobContainerClient("results").Uri}/x{sas}"),
            }));
        using var http = cluster.Gateway.Client(cluster.Key);
        var shown = await http.GetStringAsync($"/v1/jobs/{job.Name}") + await http.GetStringAsync("/v1/jobs");
        var log = string.Join("\n", await job.ReadLogAsync().ToListAsync());

        Assert.Equal(BatchJobStatus.Completed, done.Status);
        var expected = File.ReadAllLines(RepositoryPaths.Sample("digits", "expected.csv")).Take(10).ToList();
        var blob = (await cluster.Artifacts.GetBlobClient($"tenants/{cluster.Tenant}/results/{run}/scores.csv").DownloadContentAsync()).Value.Content;
        Platform.AssertSameRows(expected, blob.ToString());
        Platform.AssertSameRows(expected, await DownloadAsync(job));
        Assert.Equal("OutputExists", again.ErrorCode);
        Assert.Equal("OutputNotAllowed", elsewhere.ErrorCode);
        Assert.Contains("\"file_name\":\"scores.csv\"", shown, StringComparison.Ordinal);
        Assert.DoesNotContain("sig=", shown + log + elsewhere.Message, StringComparison.Ordinal);
    }

    internal static async Task<string> DownloadAsync(BatchJobHandle job)
    {
        using var output = new MemoryStream();
        await job.DownloadOutputAsync(output);
        return Encoding.UTF8.GetString(output.ToArray());
    }
}
