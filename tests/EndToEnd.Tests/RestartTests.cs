using OrleansBatch.Api.Tests.Support;
using OrleansBatch.Client.Jobs;
using OrleansBatch.EndToEnd.Tests.Support;

namespace OrleansBatch.EndToEnd.Tests;

/// <summary>kill -9 of the gateway (and its embedded silo) in the middle of a job, then a restart on the same data.</summary>
public sealed class RestartTests : IAsyncLifetime
{
    private readonly Platform _platform = new();

    public Task InitializeAsync() => _platform.InitializeAsync();

    public Task DisposeAsync() => _platform.DisposeAsync();

    [Fact]
    public async Task A_job_resumes_after_kill_9_and_writes_every_row_exactly_once_in_order()
    {
        var (folder, expected) = _platform.LargeCsv("restart", 20_000);
        // zz.csv is a named pipe until the gateway is killed: its mini-batch hangs, so the kill lands mid-job on any machine.
        var late = Path.Combine(folder, "zz.csv");
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", [late]))
            await mkfifo.WaitForExitAsync();
        var job = await _platform.Client.InvokeEndpointAsync("cancer", new BatchJobInvocation
        {
            Input = BatchJobInput.Folder(folder),
            Settings = new BatchJobSettings { MiniBatchSize = "64KB", MaxConcurrencyPerInstance = 2 },
        });
        while ((await job.RefreshAsync()).Progress?.MiniBatches.Succeeded < 5)
            await Task.Delay(10);

        await _platform.KillAsync();
        var sample = File.ReadAllLines(RepositoryPaths.Sample("breast-cancer", "data", "breast_cancer.csv"));
        File.Delete(late);
        File.WriteAllLines(late, sample.Take(4));
        var reference = File.ReadAllLines(RepositoryPaths.Sample("breast-cancer", "expected.csv"));
        expected.AddRange(reference.Skip(1).Take(3).Select(e => "zz.csv" + e[e.IndexOf(',')..]));
        await _platform.RestartAsync();
        var resumed = await _platform.Client.GetJobHandleAsync(job.Name);
        var done = await resumed.WaitForCompletionAsync(TimeSpan.FromMilliseconds(200));

        Assert.Equal(BatchJobStatus.Completed, done.Status);
        Assert.Equal(20_003, done.Progress!.RowsWritten);
        using var output = new MemoryStream();
        await resumed.DownloadOutputAsync(output);
        Platform.AssertSameRows(expected, System.Text.Encoding.UTF8.GetString(output.ToArray()));
        Assert.Contains(await resumed.ReadLogAsync().ToListAsync(), l => l.Contains("took over the job", StringComparison.Ordinal));
    }
}
