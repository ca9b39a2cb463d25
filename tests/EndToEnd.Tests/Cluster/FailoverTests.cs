using System.Text.RegularExpressions;
using OrleansBatch.Client.Jobs;
using OrleansBatch.Client.Models;
using OrleansBatch.EndToEnd.Tests.Support;

namespace OrleansBatch.EndToEnd.Tests.Cluster;

/// <summary>Silo processes die (kill -9) or leave (SIGTERM) mid-job; the job still writes every row exactly once, in order.</summary>
[Collection(ClusterCollection.Name)]
public sealed partial class FailoverTests(Support.Cluster cluster) : IClassFixture<Support.Cluster>
{
    [Fact]
    public async Task Killing_the_jobs_owner_and_another_silo_mid_job_loses_and_duplicates_no_row()
    {
        var csvFolder = Path.Combine(cluster.WorkDirectory, "csv-" + Guid.NewGuid().ToString("N")[..6]);
        var expected = Platform.WriteLargeCsv(csvFolder, 30_000);
        var upload = await cluster.Client.UploadFilesAsync([Path.Combine(csvFolder, "big.csv")]);
        var job = await cluster.Client.InvokeEndpointAsync("cancer", new BatchJobInvocation
        {
            Input = BatchJobInput.Folder(upload.Path),
            Settings = new BatchJobSettings { MiniBatchSize = "500 rows", LoggingLevel = "debug" },
        });

        // Mid-job: some mini-batches done, most not.
        string owner;
        while (true)
        {
            var log = await job.ReadLogAsync().ToListAsync();
            var running = log.Select(l => OwnerLine().Match(l)).FirstOrDefault(m => m.Success);
            var state = await job.RefreshAsync();
            Assert.False(state.Status is BatchJobStatus.Completed or BatchJobStatus.Failed, "the job ended before the kill; make it larger");
            if (running is not null && state.Progress?.MiniBatches.Succeeded >= 4)
            {
                owner = running.Groups["silo"].Value;
                break;
            }
            await Task.Delay(100);
        }
        var ownerSilo = Assert.Single(cluster.Silos, s => s.Id == owner);
        var other = cluster.Silos.First(s => s.Id != owner && !s.HasExited);
        await ownerSilo.KillAsync();
        await other.KillAsync();
        // A silo that comes back rejoins (with a new id) and takes its share.
        var returned = await cluster.AddSiloAsync();

        var done = await job.WaitForCompletionAsync(TimeSpan.FromMilliseconds(200));

        Assert.Equal(BatchJobStatus.Completed, done.Status);
        Assert.Equal(0, done.Progress!.MiniBatches.Failed);
        Platform.AssertSameRows(expected, await ClusterTests.DownloadAsync(job));
        var finalLog = await job.ReadLogAsync().ToListAsync();
        Assert.Contains(finalLog, l => l.Contains("took over the job", StringComparison.Ordinal) && !l.Contains("owner@" + owner, StringComparison.Ordinal));
        var nodes = await cluster.Admin.GetClusterNodesAsync();
        Assert.Contains(nodes, n => n.Id == returned.Id && n.Status == ClusterNodeStatus.Active);
    }

    [Fact]
    public async Task A_silo_stopped_with_sigterm_reports_shutting_down_and_exits_cleanly()
    {
        var silo = await cluster.AddSiloAsync();

        var exitCode = await silo.TerminateAsync();

        Assert.Equal(0, exitCode);
        var node = Assert.Single(await cluster.Admin.GetClusterNodesAsync(), n => n.Id == silo.Id);
        Assert.Equal(ClusterNodeStatus.ShuttingDown, node.Status);
    }

    [GeneratedRegex(@" owner@(?<silo>\S+): running on deployment")]
    private static partial Regex OwnerLine();
}
