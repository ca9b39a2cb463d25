using OrleansBatch.Abstractions.Jobs;
using System.Text;
using OrleansBatch.Grains.Domain.Jobs;
using OrleansBatch.Grains.Providers;
using OrleansBatch.Grains.Domain;

namespace OrleansBatch.Silo.Tests.Jobs;

/// <summary>Fair shares between tenants: a tenant with many wide jobs queued first does not starve another tenant's job.</summary>
public sealed class TenantFairnessTests : IAsyncLifetime
{
    private readonly string _dir = Directory.CreateTempSubdirectory("obatch-fair-").FullName;
    private string DataRoot => Path.Combine(_dir, "inputs");
    private SiloHost _silo = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(DataRoot);
        _silo = await SiloHost.StartAsync(Path.Combine(_dir, "data"), DataRoot, o => o.Workers = 2);
    }

    public async Task DisposeAsync()
    {
        await _silo.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task A_later_tenants_job_is_scored_interleaved_with_a_busy_tenants_queued_work()
    {
        // Tenant "busy": three jobs of 200 mini-batches each, every one enqueued at once (window 200).
        var busySteps = new List<JobModelStep>
        {
            await _silo.AddModelAsync("busy", "preprocess", Samples.Path("breast-cancer", "preprocess.onnx")),
            await _silo.AddModelAsync("busy", "model", Samples.Path("breast-cancer", "model.onnx")),
        };
        var csv = WriteCsv("busy", 10_000);
        var busySettings = JobSettings.Default with { MiniBatchSize = MiniBatchSize.Parse("50 rows"), MaxConcurrencyPerInstance = 200 };
        var busyJobs = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var (job, _) = await _silo.Jobs.CreateAsync("busy", $"busy-{i}", Spec("busy", busySteps, csv, "uri_folder", busySettings), null);
            busyJobs.Add(job.Name);
        }
        foreach (var name in busyJobs)
            await WaitForAsync(async () => (await _silo.Jobs.GetAsync("busy", name)).Counters is { Total: > 0 } c && c.Dispatched == c.Total);

        // Tenant "late": one job of 20 mini-batches, started only when all 600 of the busy tenant's wait on its queue.
        var digits = Path.Combine(DataRoot, "digits");
        Directory.CreateDirectory(digits);
        foreach (var file in Directory.EnumerateFiles(Samples.Path("digits", "images")))
            File.Copy(file, Path.Combine(digits, Path.GetFileName(file)));
        var lateSteps = new List<JobModelStep> { await _silo.AddModelAsync("late", "digits", Samples.Path("digits", "model.onnx")) };
        var lateSettings = JobSettings.Default with { MiniBatchSize = new MiniBatchSize(MiniBatchSizeKind.Files, 3), MaxConcurrencyPerInstance = 4 };
        var (late, _) = await _silo.Jobs.CreateAsync("late", "late-0", Spec("late", lateSteps, digits, "uri_folder", lateSettings), null);
        var lateDone = await _silo.WaitAsync("late", late.Name);

        var busyDone = 0;
        foreach (var name in busyJobs)
            busyDone += (await _silo.Jobs.GetAsync("busy", name)).Counters.Done;
        var busyResults = new List<MiniBatchResult>();
        foreach (var name in busyJobs)
            busyResults.AddRange(await ResultsAsync("busy", name));
        var lateResults = await ResultsAsync("late", late.Name);
        foreach (var name in busyJobs)
            await _silo.Jobs.CancelAsync("busy", name);
        foreach (var name in busyJobs)
            await _silo.WaitAsync("busy", name);
        // The canceled jobs' leftover mini-batches are still given their turn, and dropped.
        await WaitForAsync(() => Task.FromResult(_silo.Scheduler.Waiting == 0 && _silo.Scheduler.Running == 0));

        Assert.Equal(JobStatus.Completed, lateDone.Status);
        Assert.Equal(60, lateDone.Counters.ItemsSucceeded);
        // A single shared FIFO queue would score all 600 busy mini-batches before the late tenant's first one.
        Assert.True(busyDone < 600, $"the busy tenant finished all its {busyDone} mini-batches before the late tenant's job");
        var lateSpan = (From: lateResults.Min(r => r.RecordedAt), To: lateResults.Max(r => r.RecordedAt));
        Assert.Contains(busyResults, r => r.RecordedAt > lateSpan.From && r.RecordedAt < lateSpan.To);
    }

    private JobSpec Spec(string tenant, IReadOnlyList<JobModelStep> steps, string folder, string type, JobSettings settings)
    {
        var input = _silo.Inputs.ResolveLocal(tenant, "input", type, folder, "input.path");
        var output = JobKeys.DefaultOutput(tenant, "out-" + Guid.NewGuid().ToString("N")[..8], settings.OutputFileName);
        return new JobSpec("ep", "blue", 1, steps.Count > 1 ? "pipeline" : "model", steps, [input], new JobOutput(output, output, OutputPolicy.Fail), settings);
    }

    private string WriteCsv(string name, int rows)
    {
        var sample = File.ReadAllLines(Samples.Path("breast-cancer", "data", "breast_cancer.csv"));
        var folder = Path.Combine(DataRoot, name);
        Directory.CreateDirectory(folder);
        var csv = new StringBuilder(sample[0]).Append('\n');
        for (var i = 0; i < rows; i++)
            csv.Append(sample[1 + i % (sample.Length - 1)]).Append('\n');
        File.WriteAllText(Path.Combine(folder, "rows.csv"), csv.ToString());
        return folder;
    }

    private async Task<List<MiniBatchResult>> ResultsAsync(string tenant, string job)
    {
        var results = new List<MiniBatchResult>();
        string? continuation = null;
        do
        {
            var page = await _silo.Records.Store.QueryAsync(new GrainQuery(JobKeys.ResultType, tenant, JobKeys.ResultPrefix(job), 500, continuation));
            results.AddRange(page.Items.Select(Records.Deserialize<MiniBatchResult>));
            continuation = page.Continuation;
        } while (continuation is not null);
        return results;
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition)
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        while (!await condition())
            await Task.Delay(20, guard.Token);
    }
}
