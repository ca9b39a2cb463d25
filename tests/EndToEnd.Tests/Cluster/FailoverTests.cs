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
        await EnsureLiveSilosAsync(3);
        var (job, expected) = await StartLargeJobAsync(30_000);
        var owner = await WaitForOwnerMidJobAsync(job);
        var other = cluster.Silos.First(s => s.Id != owner.Id && !s.HasExited);

        await owner.KillAsync();
        await other.KillAsync();
        // A silo that comes back rejoins (with a new id) and takes its share.
        var returned = await cluster.AddSiloAsync();
        var done = await job.WaitForCompletionAsync(TimeSpan.FromMilliseconds(200));

        await AssertCompletedExactlyOnceAsync(job, done, expected, owner.Id);
        var nodes = await cluster.Admin.GetClusterNodesAsync();
        Assert.Contains(nodes, n => n.Id == returned.Id && n.Status == ClusterNodeStatus.Active);
    }

    [Fact]
    public async Task The_owner_stopped_with_sigterm_mid_job_exits_cleanly_leaves_the_cluster_and_the_job_resumes_elsewhere()
    {
        await EnsureLiveSilosAsync(3);
        var (job, expected) = await StartLargeJobAsync(20_000);
        var owner = await WaitForOwnerMidJobAsync(job);

        var exitCode = await owner.TerminateAsync();
        var done = await job.WaitForCompletionAsync(TimeSpan.FromMilliseconds(200));

        Assert.Equal(0, exitCode);
        var node = Assert.Single(await cluster.Admin.GetClusterNodesAsync(), n => n.Id == owner.Id);
        // Orleans' membership table keeps a silo that left, gracefully or not, as Dead (ShuttingDown lasts only while it stops).
        Assert.Equal(ClusterNodeStatus.Dead, node.Status);
        await AssertCompletedExactlyOnceAsync(job, done, expected, owner.Id);
    }

    private async Task EnsureLiveSilosAsync(int count)
    {
        while (cluster.Silos.Count(s => !s.HasExited) < count)
            await cluster.AddSiloAsync();
    }

    private async Task<(BatchJobHandle Job, List<string> Expected)> StartLargeJobAsync(int rows)
    {
        var csvFolder = Path.Combine(cluster.WorkDirectory, "csv-" + Guid.NewGuid().ToString("N")[..6]);
        var expected = Platform.WriteLargeCsv(csvFolder, rows);
        var upload = await cluster.Client.UploadFilesAsync([Path.Combine(csvFolder, "big.csv")]);
        var job = await cluster.Client.InvokeEndpointAsync("cancer", new BatchJobInvocation
        {
            Input = BatchJobInput.Folder(upload.Path),
            Settings = new BatchJobSettings { MiniBatchSize = "500 rows", LoggingLevel = "debug" },
        });
        return (job, expected);
    }

    /// <summary>Waits until the job is mid-way (some mini-batches done, most not) and returns the silo that owns it.</summary>
    private async Task<SiloRun> WaitForOwnerMidJobAsync(BatchJobHandle job)
    {
        while (true)
        {
            var log = await job.ReadLogAsync().ToListAsync();
            var running = log.Select(l => OwnerLine().Match(l)).FirstOrDefault(m => m.Success);
            var state = await job.RefreshAsync();
            Assert.False(state.Status is BatchJobStatus.Completed or BatchJobStatus.Failed, "the job ended before a silo was stopped; make it larger");
            if (running is not null && state.Progress?.MiniBatches.Succeeded >= 4)
                return Assert.Single(cluster.Silos, s => s.Id == running.Groups["silo"].Value);
            await Task.Delay(100);
        }
    }

    private static async Task AssertCompletedExactlyOnceAsync(BatchJobHandle job, BatchJob done, List<string> expected, string formerOwner)
    {
        Assert.Equal(BatchJobStatus.Completed, done.Status);
        Assert.Equal(0, done.Progress!.MiniBatches.Failed);
        Platform.AssertSameRows(expected, await ClusterTests.DownloadAsync(job));
        var log = await job.ReadLogAsync().ToListAsync();
        Assert.Contains(log, l => l.Contains("took over the job", StringComparison.Ordinal) && !l.Contains("owner@" + formerOwner, StringComparison.Ordinal));
    }

    [GeneratedRegex(@" owner@(?<silo>\S+): running on deployment")]
    private static partial Regex OwnerLine();
}
