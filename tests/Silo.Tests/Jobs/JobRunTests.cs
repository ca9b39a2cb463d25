using OrleansBatch.Abstractions.Jobs;
using System.Text;
using OrleansBatch.Grains.Domain.Jobs;

namespace OrleansBatch.Silo.Tests.Jobs;

/// <summary>Jobs run by a real silo on the samples: planning, workers, ONNX scoring, joining in order.</summary>
public sealed class JobRunTests : IAsyncLifetime
{
    private const string Tenant = "acme";
    private readonly string _dir = Directory.CreateTempSubdirectory("obatch-jobs-").FullName;
    private string DataRoot => Path.Combine(_dir, "inputs");
    private SiloHost _silo = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(DataRoot);
        _silo = await SiloHost.StartAsync(Path.Combine(_dir, "data"), DataRoot);
    }

    public async Task DisposeAsync()
    {
        await _silo.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
    }

    private async Task<JobSpec> SpecAsync(string inputFolder, JobSettings settings, string type = "uri_folder", params string[] models)
    {
        var steps = new List<JobModelStep>();
        foreach (var model in models)
            steps.Add(await _silo.AddModelAsync(Tenant, Path.GetFileNameWithoutExtension(model).Replace('_', '-'), model));
        var input = _silo.Inputs.ResolveLocal(Tenant, "input", type, inputFolder, "input.path");
        var output = JobKeys.DefaultOutput(Tenant, "out-" + Guid.NewGuid().ToString("N")[..8], settings.OutputFileName);
        return new JobSpec("ep", "blue", 1, models.Length > 1 ? "pipeline" : "model", steps, [input], new JobOutput(output, output, OutputPolicy.Fail), settings);
    }

    private string CopyFolder(string from, string name)
    {
        var to = Path.Combine(DataRoot, name);
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from))
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        return to;
    }

    [Fact]
    public async Task Scores_a_folder_of_images_three_files_per_mini_batch_in_input_order()
    {
        var folder = CopyFolder(Samples.Path("digits", "images"), "digits");
        var spec = await SpecAsync(folder, JobSettings.Default with { MiniBatchSize = new MiniBatchSize(MiniBatchSizeKind.Files, 3), MaxConcurrencyPerInstance = 2 },
            models: Samples.Path("digits", "model.onnx"));

        var (job, created) = await _silo.Jobs.CreateAsync(Tenant, JobKeys.NewJobName(DateTimeOffset.UtcNow), spec, null);
        var done = await _silo.WaitAsync(Tenant, job.Name);

        Assert.True(created);
        Assert.Equal(JobStatus.Completed, done.Status);
        Assert.Equal(20, done.Counters.Total);
        Assert.Equal((60L, 0L, 60L), (done.Counters.ItemsSucceeded, done.Counters.ItemsFailed, done.Counters.RowsWritten));
        Samples.AssertSameRows(Samples.Lines(File.ReadAllText(Samples.Path("digits", "expected.csv"))), Samples.Lines(await _silo.ReadOutputAsync(Tenant, job.Name)));
    }

    [Fact]
    public async Task A_mini_batch_whose_model_needs_more_memory_than_the_cap_fails_with_ResourceLimitExceeded_and_the_others_score()
    {
        var folder = Path.Combine(DataRoot, "bomb");
        Directory.CreateDirectory(folder);
        // samples/memory-bomb: y = ReduceSum(ConstantOfShape([1, n])); n = 1e9 asks ONNX Runtime for 4 GB at once.
        File.WriteAllText(Path.Combine(folder, "rows.csv"), "n\n1000\n1000000000\n2000\n");
        var spec = await SpecAsync(folder, JobSettings.Default with { MiniBatchSize = MiniBatchSize.Parse("1 rows"), MaxRetries = 0 }, models: Samples.Path("memory-bomb", "model.onnx"));

        var (job, _) = await _silo.Jobs.CreateAsync(Tenant, JobKeys.NewJobName(DateTimeOffset.UtcNow), spec, null);
        var done = await _silo.WaitAsync(Tenant, job.Name);

        Assert.Equal((2L, 1L), (done.Counters.ItemsSucceeded, done.Counters.ItemsFailed));
        var error = Assert.Single(await _silo.Jobs.ErrorsAsync(Tenant, job.Name).ToListAsync());
        Assert.Equal("ResourceLimitExceeded", error.Code);
        Assert.Equal("rows.csv", error.FileName);
        Assert.Equal(["file_name,row,y", "rows.csv,0,0", "rows.csv,2,0"], Samples.Lines(await _silo.ReadOutputAsync(Tenant, job.Name)));
    }

    [Fact]
    public async Task Scores_a_csv_with_the_sample_ml_net_model_as_its_references_say()
    {
        var folder = Path.Combine(DataRoot, "mlnet");
        Directory.CreateDirectory(folder);
        File.Copy(Samples.Path("breast-cancer", "data", "breast_cancer.csv"), Path.Combine(folder, "breast_cancer.csv"));
        var spec = await SpecAsync(folder, JobSettings.Default with { MiniBatchSize = MiniBatchSize.Parse("100 rows") }, models: Samples.Path("mlnet-cancer", "model.zip"));

        var (job, _) = await _silo.Jobs.CreateAsync(Tenant, JobKeys.NewJobName(DateTimeOffset.UtcNow), spec, null);
        var done = await _silo.WaitAsync(Tenant, job.Name);

        Assert.Equal(JobStatus.Completed, done.Status);
        Assert.Equal(File.ReadAllLines(Samples.Path("mlnet-cancer", "expected.csv")), Samples.Lines(await _silo.ReadOutputAsync(Tenant, job.Name)));
    }

    [Theory]
    [InlineData("1000 rows", false)]
    [InlineData("64KB", false)]
    [InlineData("50 rows", true)]
    public async Task Splits_a_large_csv_and_writes_every_row_once_in_order_through_a_pipeline(string miniBatchSize, bool smallParts)
    {
        // 20,000 rows: the 569 sample rows over and over.
        var sample = File.ReadAllLines(Samples.Path("breast-cancer", "data", "breast_cancer.csv"));
        var expected = File.ReadAllLines(Samples.Path("breast-cancer", "expected.csv"));
        var folder = Path.Combine(DataRoot, "big");
        Directory.CreateDirectory(folder);
        var csv = new StringBuilder(sample[0]).Append('\n');
        var want = new List<string> { expected[0] };
        for (var i = 0; i < 20_000; i++)
        {
            csv.Append(sample[1 + i % 569]).Append('\n');
            var e = expected[1 + i % 569];
            want.Add($"big.csv,{i}" + e[e.IndexOf(',', e.IndexOf(',') + 1)..]);
        }
        File.WriteAllText(Path.Combine(folder, "big.csv"), csv.ToString());
        var spec = await SpecAsync(folder, JobSettings.Default with { MiniBatchSize = MiniBatchSize.Parse(miniBatchSize), MaxConcurrencyPerInstance = 3 },
            models: [Samples.Path("breast-cancer", "preprocess.onnx"), Samples.Path("breast-cancer", "model.onnx")]);

        var (job, _) = await _silo.Jobs.CreateAsync(Tenant, JobKeys.NewJobName(DateTimeOffset.UtcNow), spec, null);
        var done = await _silo.WaitAsync(Tenant, job.Name);

        Assert.Equal(JobStatus.Completed, done.Status);
        Assert.True(done.Counters.Total > 10, $"{done.Counters.Total} mini-batches");
        Assert.Equal(20_000, done.Counters.RowsWritten);
        Samples.AssertSameRows(want, Samples.Lines(await _silo.ReadOutputAsync(Tenant, job.Name)));
        // Parts of a few rows travel in the result record; larger ones are artifacts, removed once the job has completed
        // (right after: a finalize resumed before completing still needs them).
        for (var i = 0; i < done.Counters.Total; i++)
        {
            var result = (await _silo.Records.ReadAsync<MiniBatchResult>(JobKeys.Result(Tenant, job.Name, i))).State!;
            Assert.Equal(smallParts, result.InlinePart is not null);
            Assert.Equal(smallParts, result.PartPath is null);
            if (!smallParts)
                await EventuallyGoneAsync(result.PartPath!);
        }
    }

    /// <summary>Waits until the artifact at <paramref name="path"/> is deleted (the guard only stops a hung test; it asserts no speed).</summary>
    private async Task EventuallyGoneAsync(string path)
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        while (await _silo.Artifacts.GetInfoAsync(path, guard.Token) is not null)
            await Task.Delay(20, guard.Token);
    }

    [Fact]
    public async Task Bad_rows_in_later_ranges_are_reported_and_skipped_with_their_file_row_numbers()
    {
        var sample = File.ReadAllLines(Samples.Path("breast-cancer", "data", "breast_cancer.csv"));
        var folder = Path.Combine(DataRoot, "bad-rows");
        Directory.CreateDirectory(folder);
        var csv = new StringBuilder(sample[0]).Append('\n');
        for (var i = 0; i < 5_000; i++)
            csv.Append(i is 1_234 or 4_321 ? "not-a-number" + sample[1][sample[1].IndexOf(',')..] : sample[1 + i % 569]).Append('\n');
        File.WriteAllText(Path.Combine(folder, "rows.csv"), csv.ToString());
        var spec = await SpecAsync(folder, JobSettings.Default with { MiniBatchSize = MiniBatchSize.Parse("16KB"), MaxConcurrencyPerInstance = 2 },
            models: [Samples.Path("breast-cancer", "preprocess.onnx"), Samples.Path("breast-cancer", "model.onnx")]);

        var (job, _) = await _silo.Jobs.CreateAsync(Tenant, JobKeys.NewJobName(DateTimeOffset.UtcNow), spec, null);
        var done = await _silo.WaitAsync(Tenant, job.Name);

        Assert.Equal(JobStatus.Completed, done.Status);
        Assert.Equal((4_998L, 2L), (done.Counters.ItemsSucceeded, done.Counters.ItemsFailed));
        var errors = await _silo.Jobs.ErrorsAsync(Tenant, job.Name).ToListAsync();
        Assert.Equal([1_234L, 4_321L], errors.Select(e => e.Row!.Value));
        var rows = Samples.Lines(await _silo.ReadOutputAsync(Tenant, job.Name)).Skip(1).Select(l => long.Parse(l.Split(',')[1])).ToList();
        Assert.Equal(Enumerable.Range(0, 5_000).Where(i => i is not (1_234 or 4_321)).Select(i => (long)i), rows);
    }

    [Fact]
    public async Task Summary_only_writes_the_summary_and_no_rows()
    {
        var folder = CopyFolder(Samples.Path("digits", "images"), "digits");
        var spec = await SpecAsync(folder, JobSettings.Default with { OutputAction = OutputAction.SummaryOnly }, models: Samples.Path("digits", "model.onnx"));

        var (job, _) = await _silo.Jobs.CreateAsync(Tenant, JobKeys.NewJobName(DateTimeOffset.UtcNow), spec, null);
        var done = await _silo.WaitAsync(Tenant, job.Name);

        Assert.Equal(JobStatus.Completed, done.Status);
        Assert.Null(await _silo.Artifacts.GetInfoAsync(spec.Output.Path));
        var summary = await _silo.ReadOutputAsync(Tenant, job.Name);
        Assert.Contains("\"itemsSucceeded\":60", summary);
        Assert.Equal(60, done.Summary!.ItemsSucceeded);
    }

    [Fact]
    public async Task The_job_record_is_the_job_grains_Orleans_state_and_its_query_store_copy_follows_it()
    {
        var folder = CopyFolder(Samples.Path("digits", "images"), "digits");
        var spec = await SpecAsync(folder, JobSettings.Default with { MiniBatchSize = new MiniBatchSize(MiniBatchSizeKind.Files, 20) }, models: Samples.Path("digits", "model.onnx"));

        var (job, _) = await _silo.Jobs.CreateAsync(Tenant, JobKeys.NewJobName(DateTimeOffset.UtcNow), spec, null);
        var done = await _silo.WaitAsync(Tenant, job.Name);

        var stored = await _silo.ReadJobGrainStateAsync(Tenant, job.Name);
        Assert.NotNull(stored);
        Assert.Equal(JobStatus.Completed, done.Status);
        Assert.Equal(JobStatus.Completed, stored.Value!.Status);
        Assert.Equal(3, stored.Value.Plan!.MiniBatchCount);
        Assert.Equal(60, stored.Value.Counters.ItemsSucceeded);
        // Created, claimed, started, reported, finalizing, completed: each change is one version, and the copy lists read is the same.
        Assert.True(stored.Version >= 5, $"version {stored.Version}");
        Assert.Equal(stored.Version, (await _silo.Records.Store.ReadAsync(JobKeys.Job(Tenant, job.Name)))!.Version);
    }

    [Theory]
    [InlineData(-1, JobStatus.Completed)]
    [InlineData(0, JobStatus.Failed)]
    [InlineData(2, JobStatus.Failed)]
    [InlineData(3, JobStatus.Completed)]
    public async Task Error_threshold_decides_over_failed_items(long threshold, JobStatus expected)
    {
        var folder = CopyFolder(Samples.Path("digits", "images"), "digits");
        foreach (var name in new[] { "digit_005.png", "digit_020.png", "digit_041.png" })
            File.WriteAllText(Path.Combine(folder, name), "this is not a png");
        var spec = await SpecAsync(folder, JobSettings.Default with { MiniBatchSize = new MiniBatchSize(MiniBatchSizeKind.Files, 5), ErrorThreshold = threshold, MaxConcurrencyPerInstance = 1 },
            models: Samples.Path("digits", "model.onnx"));

        var (job, _) = await _silo.Jobs.CreateAsync(Tenant, JobKeys.NewJobName(DateTimeOffset.UtcNow), spec, null);
        var done = await _silo.WaitAsync(Tenant, job.Name);

        Assert.Equal(expected, done.Status);
        var errors = await _silo.Jobs.ErrorsAsync(Tenant, job.Name).ToListAsync();
        if (expected == JobStatus.Failed)
        {
            Assert.Equal("ErrorThresholdExceeded", done.Error!.Code);
            Assert.True(done.Counters.ItemsFailed > threshold);
            return;
        }
        Assert.Equal(["digit_005.png", "digit_020.png", "digit_041.png"], errors.Select(e => e.FileName));
        var rows = Samples.Lines(await _silo.ReadOutputAsync(Tenant, job.Name));
        Assert.Equal(58, rows.Length);
        Assert.DoesNotContain(rows, r => r.StartsWith("digit_020.png", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_file_unreadable_at_the_first_attempt_is_retried_and_scored()
    {
        var folder = CopyFolder(Samples.Path("digits", "images"), "digits");
        var spec = await SpecAsync(folder, JobSettings.Default with { MiniBatchSize = new MiniBatchSize(MiniBatchSizeKind.Files, 10) }, models: Samples.Path("digits", "model.onnx"));
        // The job lists digit_013.png, but the file is only put back after the first attempt failed on it.
        var late = Path.Combine(folder, "digit_013.png");
        var bytes = File.ReadAllBytes(late);
        File.Delete(late);

        var (job, _) = await _silo.Jobs.CreateAsync(Tenant, JobKeys.NewJobName(DateTimeOffset.UtcNow), spec, null);
        await _silo.WaitForLogAsync(Tenant, job.Name, "mini-batch 1 attempt 1 of 4 failed");
        File.WriteAllBytes(late, bytes);
        var done = await _silo.WaitAsync(Tenant, job.Name);

        Assert.Equal(JobStatus.Completed, done.Status);
        Assert.Equal((60L, 0L), (done.Counters.ItemsSucceeded, done.Counters.ItemsFailed));
        Samples.AssertSameRows(Samples.Lines(File.ReadAllText(Samples.Path("digits", "expected.csv"))), Samples.Lines(await _silo.ReadOutputAsync(Tenant, job.Name)));
        await _silo.WaitForLogAsync(Tenant, job.Name, "mini-batch 1 scored on attempt 2");
    }

    [Fact]
    public async Task A_mini_batch_hung_past_its_timeout_is_abandoned_without_blocking_the_others()
    {
        var folder = CopyFolder(Samples.Path("digits", "images"), "digits");
        // A named pipe nobody writes to: opening it blocks forever, like a hung scorer.
        var hung = Path.Combine(folder, "digit_030.png");
        File.Delete(hung);
        Fifo.Make(hung);
        var spec = await SpecAsync(folder, JobSettings.Default with { MiniBatchSize = new MiniBatchSize(MiniBatchSizeKind.Files, 10), TimeoutSeconds = 1, MaxRetries = 1 },
            models: Samples.Path("digits", "model.onnx"));
        try
        {
            var (job, _) = await _silo.Jobs.CreateAsync(Tenant, JobKeys.NewJobName(DateTimeOffset.UtcNow), spec, null);
            var done = await _silo.WaitAsync(Tenant, job.Name);

            Assert.Equal(JobStatus.Completed, done.Status);
            Assert.Equal((5, 1), (done.Counters.Succeeded, done.Counters.Failed));
            var errors = await _silo.Jobs.ErrorsAsync(Tenant, job.Name).ToListAsync();
            Assert.Equal(10, errors.Count);
            Assert.All(errors, e => Assert.Equal(("Timeout", 3), (e.Code, e.MiniBatch)));
            var rows = Samples.Lines(await _silo.ReadOutputAsync(Tenant, job.Name));
            Assert.Equal(51, rows.Length);
            Assert.DoesNotContain(rows, r => r.StartsWith("digit_03", StringComparison.Ordinal));
        }
        finally
        {
            Fifo.Release(hung);
        }
    }

    [Fact]
    public async Task Cancel_stops_a_running_job_without_output()
    {
        var folder = CopyFolder(Samples.Path("digits", "images"), "digits");
        var hung = Path.Combine(folder, "digit_001.png");
        File.Delete(hung);
        Fifo.Make(hung);
        var spec = await SpecAsync(folder, JobSettings.Default with { MiniBatchSize = new MiniBatchSize(MiniBatchSizeKind.Files, 1), TimeoutSeconds = 600 },
            models: Samples.Path("digits", "model.onnx"));
        try
        {
            var (job, _) = await _silo.Jobs.CreateAsync(Tenant, JobKeys.NewJobName(DateTimeOffset.UtcNow), spec, null);
            await WaitForAsync(async () => (await _silo.Jobs.GetAsync(Tenant, job.Name)).Counters.Succeeded >= 1);

            var requested = await _silo.Jobs.CancelAsync(Tenant, job.Name);
            var done = await _silo.WaitAsync(Tenant, job.Name);

            Assert.Equal(JobStatus.CancelRequested, requested.Status);
            Assert.Equal(JobStatus.Canceled, done.Status);
            Assert.Null(await _silo.Artifacts.GetInfoAsync(spec.Output.Path));
            var again = await Assert.ThrowsAsync<OrleansBatch.Abstractions.DomainException>(() => _silo.Jobs.CancelAsync(Tenant, job.Name));
            Assert.Equal(409, again.Status);
        }
        finally
        {
            Fifo.Release(hung);
        }
    }

    [Fact]
    public async Task Another_silo_resumes_a_job_whose_owner_stopped_and_writes_every_row_once()
    {
        var folder = CopyFolder(Samples.Path("digits", "images"), "digits");
        // Mini-batch 10 hangs on a named pipe, so the first silo stops mid-job, whatever the machine's speed.
        var hung = Path.Combine(folder, "digit_010.png");
        var bytes = File.ReadAllBytes(hung);
        File.Delete(hung);
        Fifo.Make(hung);
        var spec = await SpecAsync(folder, JobSettings.Default with { MiniBatchSize = new MiniBatchSize(MiniBatchSizeKind.Files, 1), TimeoutSeconds = 600 },
            models: Samples.Path("digits", "model.onnx"));
        var (job, _) = await _silo.Jobs.CreateAsync(Tenant, JobKeys.NewJobName(DateTimeOffset.UtcNow), spec, null);
        await WaitForAsync(async () => (await _silo.Jobs.GetAsync(Tenant, job.Name)).Counters.Succeeded >= 3);

        await _silo.DisposeAsync();
        Fifo.Release(hung);
        File.Delete(hung);
        File.WriteAllBytes(hung, bytes);
        _silo = await SiloHost.StartAsync(Path.Combine(_dir, "data"), DataRoot);
        var done = await _silo.WaitAsync(Tenant, job.Name);

        Assert.Equal(JobStatus.Completed, done.Status);
        Samples.AssertSameRows(Samples.Lines(File.ReadAllText(Samples.Path("digits", "expected.csv"))), Samples.Lines(await _silo.ReadOutputAsync(Tenant, job.Name)));
        await _silo.WaitForLogAsync(Tenant, job.Name, "took over the job");
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition)
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        while (!await condition())
            await Task.Delay(20, guard.Token);
    }
}
