using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OrleansBatch.Abstractions.Jobs;
using OrleansBatch.Grains.Domain;
using OrleansBatch.Grains.Domain.Jobs;
using OrleansBatch.Grains.Providers;
using OrleansBatch.Scoring;
using OrleansBatch.Silo.Hosting;
using OrleansBatch.Silo.Jobs;

namespace OrleansBatch.Bench.Jobs;

/// <summary>
/// The embedded default in this process: one Orleans silo on localhost clustering, grain state and reminders in SQLite
/// and files in a data directory, built by the same <c>AddSilo</c> call as the silo process (job grains, mini-batch
/// grains, ONNX scoring).
/// </summary>
public sealed class BenchSilo : IAsyncDisposable
{
    public const string Tenant = "bench";
    private readonly IHost _host;

    private BenchSilo(IHost host) => _host = host;

    public static async Task<BenchSilo> StartAsync(string dataDirectory, string dataRoot, int workers)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [SiloProviderOptions.DataDirectoryKey] = dataDirectory,
            [SiloProviderOptions.DataRootsKey] = dataRoot,
            [$"{JobOptions.SectionName}:{nameof(JobOptions.Workers)}"] = workers.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        // Errors only: on a loaded machine the silo warns about stalls, which would bury the figures.
        builder.Logging.SetMinimumLevel(LogLevel.Error);
        builder.AddSilo();
        builder.Services.Configure<OnnxScoringOptions>(o => o.ConcurrentWorkers = workers);
        var host = builder.Build();
        await host.StartAsync();
        return new BenchSilo(host);
    }

    public T Get<T>() where T : notnull => _host.Services.GetRequiredService<T>();

    private JobService Jobs => Get<JobService>();

    public async Task<JobModelStep> AddModelAsync(string file)
    {
        var path = $"tenants/{Tenant}/models/{Path.GetFileNameWithoutExtension(file)}/1/{Path.GetFileName(file)}";
        await using var content = File.OpenRead(file);
        await Get<IArtifactStore>().WriteAsync(path, content, overwrite: true);
        return new JobModelStep(Path.GetFileNameWithoutExtension(file), 1, path);
    }

    public JobSpec Spec(string input, IReadOnlyList<JobModelStep> steps, JobSettings settings)
    {
        var resolved = Get<JobInputResolver>().ResolveLocal(Tenant, "input", "uri_folder", input, "input");
        var output = $"tenants/{Tenant}/outputs/{Guid.NewGuid():N}/{settings.OutputFileName}";
        return new JobSpec("bench", "main", 1, steps.Count > 1 ? "pipeline" : "model", steps, [resolved], new JobOutput(output, output, OutputPolicy.Fail), settings);
    }

    public async Task<string> CreateAsync(JobSpec spec) =>
        (await Jobs.CreateAsync(Tenant, JobKeys.NewJobName(DateTimeOffset.UtcNow), spec, null)).Job.Name;

    public async Task<JobState> WaitAsync(string job)
    {
        while (true)
        {
            var state = await Jobs.GetAsync(Tenant, job);
            if (state.Status.IsTerminal())
                return state;
            await Task.Delay(1);
        }
    }

    public Task CancelAsync(string job) => Jobs.CancelAsync(Tenant, job);

    /// <summary>The job's recorded mini-batch results, in index order.</summary>
    public async Task<List<MiniBatchResult>> ResultsAsync(string job)
    {
        var results = new List<MiniBatchResult>();
        await foreach (var result in Jobs.MiniBatchResultsAsync(Tenant, job))
            results.Add(result);
        return [.. results.OrderBy(r => r.Index)];
    }

    /// <summary>When the job's log line containing <paramref name="text"/> was written (the last such line).</summary>
    public async Task<DateTimeOffset> LoggedAtAsync(string job, string text)
    {
        DateTimeOffset? at = null;
        await foreach (var line in Jobs.LogAsync(Tenant, job, follow: false))
            if (line.Contains(text, StringComparison.Ordinal))
                at = DateTimeOffset.Parse(line[..line.IndexOf(' ', StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture);
        return at ?? throw new InvalidOperationException($"Job {job} logged no line with '{text}'.");
    }

    public Task DeleteOutputAsync(JobState job) => Get<IArtifactStore>().DeleteAsync(job.OutputPath!);

    /// <summary>The scorer the mini-batch grains use (same cache key), for the scorer-alone baseline.</summary>
    public IScorer Scorer(IReadOnlyList<JobModelStep> steps, string key = "bench/main@1") =>
        Get<IScorerFactory>().GetOrCreate(new ScorerSpec($"{Tenant}/{key}", steps.Select(s => Get<IArtifactStore>().TryGetLocalPath(s.ArtifactPath)!).ToList()));

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
