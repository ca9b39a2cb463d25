using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using OrleansBatch.Abstractions.Jobs;
using OrleansBatch.Grains.Domain.Jobs;
using OrleansBatch.Grains.Providers;
using OrleansBatch.Silo.Jobs;
using OrleansBatch.Storage.Local;

namespace OrleansBatch.Silo.Tests.Jobs;

/// <summary>Job records stored before the job list index existed get their list fields once, on the real SQLite store.</summary>
public sealed class JobListIndexBackfillTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);
    private readonly string _dir = Directory.CreateTempSubdirectory("obatch-backfill-").FullName;
    private readonly LocalDatabase _database;
    private readonly SqliteGrainStateStore _store;

    public JobListIndexBackfillTests()
    {
        _database = new LocalDatabase(new LocalStorageOptions { DataDirectory = _dir });
        _store = new SqliteGrainStateStore(_database);
    }

    public void Dispose()
    {
        _database.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    private static JobState Job(string tenant, string name, string deployment, JobStatus status) => new(
        name, tenant,
        new JobSpec("ep", deployment, 1, "model", [new JobModelStep("m", 1, "m.onnx")],
            [new JobInput("input", "uri_file", "/data/a.csv", [new JobInputFile("a.csv", "/data/a.csv", 10)])],
            new JobOutput("out/predictions.csv", "out", OutputPolicy.Fail), JobSettings.Default),
        status, Now);

    private async Task<List<string>> ListAsync(string tenant, string? deployment, JobStatus? status)
    {
        var page = await _store.QueryAsync(new GrainQuery(JobKeys.JobType, tenant, Descending: true, Where: JobListIndex.Where(null, deployment, status)));
        return [.. page.Items.Select(r => r.Id.Key)];
    }

    [Fact]
    public async Task Earlier_jobs_are_indexed_once_and_jobs_written_with_fields_are_left_as_they_are()
    {
        foreach (var tenant in new[] { "acme", "globex" })
            await _store.WriteAsync(new StateKey("tenant", StateKey.PlatformTenant, tenant), "{}", 1, null);
        // Stored before the index: no fields.
        await _store.WriteAsync(JobKeys.Job("acme", "job-1"), JsonSerializer.Serialize(Job("acme", "job-1", "blue", JobStatus.Completed), Records.Json), 7, null);
        await _store.WriteAsync(JobKeys.Job("acme", "job-2"), JsonSerializer.Serialize(Job("acme", "job-2", "green", JobStatus.Failed), Records.Json), 3, null);
        await _store.WriteAsync(JobKeys.Job("globex", "job-3"), JsonSerializer.Serialize(Job("globex", "job-3", "blue", JobStatus.Completed), Records.Json), 2, null);
        // Written since, with its fields.
        var current = Job("acme", "job-4", "blue", JobStatus.Running);
        var written = await _store.WriteAsync(JobKeys.Job("acme", "job-4"), JsonSerializer.Serialize(current, Records.Json), 5, null, current.QueryFields());
        Assert.Empty(await ListAsync("acme", "blue", JobStatus.Completed));

        var backfill = new JobListIndexBackfill(_store, NullLogger<JobListIndexBackfill>.Instance);
        var indexed = await backfill.RunAsync();

        Assert.Equal(3, indexed);
        Assert.Equal(["job-1"], await ListAsync("acme", "blue", JobStatus.Completed));
        Assert.Equal(["job-2"], await ListAsync("acme", "green", null));
        Assert.Equal(["job-4", "job-1"], await ListAsync("acme", "blue", null));
        Assert.Equal(["job-3"], await ListAsync("globex", null, JobStatus.Completed));
        var kept = await _store.ReadAsync(JobKeys.Job("acme", "job-1"));
        Assert.Equal((7L, JsonSerializer.Serialize(Job("acme", "job-1", "blue", JobStatus.Completed), Records.Json)), (kept!.Version, kept.Json));
        Assert.Equal(written.ETag, (await _store.ReadAsync(JobKeys.Job("acme", "job-4")))!.ETag);

        // Once done, never again: a record stored later without fields is not the backfill's to fix.
        await _store.WriteAsync(JobKeys.Job("acme", "job-5"), JsonSerializer.Serialize(Job("acme", "job-5", "blue", JobStatus.Completed), Records.Json), 1, null);
        Assert.Equal(0, await backfill.RunAsync());
        Assert.NotNull(await _store.ReadAsync(JobListIndexBackfill.DoneMarker));
    }
}
