using System.Globalization;
using System.Text.RegularExpressions;
using OrleansBatch.Client.Jobs;
using OrleansBatch.Client.Models;

namespace OrleansBatch.Bench.Cluster;

/// <summary>
/// Time from kill -9 of a job's owner silo to the job resumed on another silo: a job runs on a 3-silo cluster, its
/// owner (named by the log's "running on deployment" line) is killed mid-job, and the new owner's "took over the job"
/// line is timed against the kill. Also timed: the kill to the next mini-batch counted as done (the job moving again).
/// A silo is started after each run, so every run begins with three.
/// </summary>
public static partial class Failover
{
    /// <summary>One failover: seconds to the take-over line and to the next mini-batch done; the job's end state.</summary>
    public sealed record Result(double TakeOverSeconds, double ProgressSeconds, BatchJobStatus Status, int MiniBatches);

    public static async Task<Result> RunAsync(ClusterSetup setup, string uploadPath, string miniBatchSize)
    {
        var job = await setup.Client.InvokeEndpointAsync("cancer", new BatchJobInvocation
        {
            Input = BatchJobInput.Folder(uploadPath),
            Settings = new BatchJobSettings { MiniBatchSize = miniBatchSize },
        });
        var (owner, done) = await OwnerMidJobAsync(setup, job);
        await owner.KillAsync();
        var killedAt = DateTimeOffset.UtcNow;
        double? progressSeconds = null;
        BatchJob state;
        while (true)
        {
            state = await job.RefreshAsync();
            if (progressSeconds is null && state.Progress?.MiniBatches.Succeeded > done)
                progressSeconds = (DateTimeOffset.UtcNow - killedAt).TotalSeconds;
            if (state.Status is BatchJobStatus.Completed or BatchJobStatus.Failed or BatchJobStatus.Canceled)
                break;
            await Task.Delay(50);
        }
        var takeOver = await job.ReadLogAsync().FirstAsync(l => l.Contains("took over the job", StringComparison.Ordinal));
        var takenOverAt = DateTimeOffset.Parse(takeOver[..takeOver.IndexOf(' ', StringComparison.Ordinal)], CultureInfo.InvariantCulture);
        await setup.AddSiloAsync();
        return new Result((takenOverAt - killedAt).TotalSeconds, progressSeconds ?? double.NaN, state.Status, state.Progress!.MiniBatches.Total);
    }

    /// <summary>Waits until the job has some mini-batches done and most not; returns its owner's process and the count done.</summary>
    private static async Task<(EndToEnd.Tests.Support.SiloRun Owner, int Done)> OwnerMidJobAsync(ClusterSetup setup, BatchJobHandle job)
    {
        while (true)
        {
            var running = await job.ReadLogAsync().Select(l => OwnerLine().Match(l)).FirstOrDefaultAsync(m => m.Success);
            var state = await job.RefreshAsync();
            if (state.Status is BatchJobStatus.Completed or BatchJobStatus.Failed)
                throw new InvalidOperationException($"Job {job.Name} ended before its owner was killed: give it more rows (--failover-rows).");
            if (running is not null && state.Progress?.MiniBatches.Succeeded >= 4)
                return (setup.Silos.Single(s => s.Id == running.Groups["silo"].Value), state.Progress.MiniBatches.Succeeded);
            await Task.Delay(100);
        }
    }

    [GeneratedRegex(@" owner@(?<silo>\S+): running on deployment")]
    private static partial Regex OwnerLine();
}
