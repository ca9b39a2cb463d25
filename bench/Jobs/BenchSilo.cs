using OrleansBatch.Abstractions.Jobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OrleansBatch.Grains.Domain.Jobs;
using OrleansBatch.Grains.Providers;
using OrleansBatch.Grains.Domain;
using OrleansBatch.Scoring;
using OrleansBatch.Silo.Jobs;
using OrleansBatch.Storage.Local;

namespace OrleansBatch.Bench.Jobs;

/// <summary>A silo in this process (Local provider, ONNX scoring, job owners and workers), as the gateway embeds it.</summary>
public sealed class BenchSilo : IAsyncDisposable
{
    public const string Tenant = "bench";
    private readonly IHost _host;

    private BenchSilo(IHost host) => _host = host;

    public static async Task<BenchSilo> StartAsync(string dataDirectory, string dataRoot, int workers)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddLocalStorage(dataDirectory);
        builder.Services.AddRecords();
        builder.Services.AddOnnxScoring(o => o.ConcurrentWorkers = workers);
        builder.Services.AddJobs(o =>
        {
            o.DataRoots = [dataRoot];
            o.Workers = workers;
        });
        var host = builder.Build();
        await host.StartAsync();
        return new BenchSilo(host);
    }

    public T Get<T>() where T : notnull => _host.Services.GetRequiredService<T>();

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
        (await Get<JobService>().CreateAsync(Tenant, JobKeys.NewJobName(DateTimeOffset.UtcNow), spec, null)).Job.Name;

    public async Task<JobState> WaitAsync(string job)
    {
        while (true)
        {
            var state = await Get<JobService>().GetAsync(Tenant, job);
            if (state.Status.IsTerminal())
                return state;
            await Task.Delay(1);
        }
    }

    /// <summary>The scorer the workers use (same cache key), for the scorer-alone baseline.</summary>
    public IScorer Scorer(IReadOnlyList<JobModelStep> steps) =>
        Get<IScorerFactory>().GetOrCreate(new ScorerSpec($"{Tenant}/bench/main@1", steps.Select(s => Get<IArtifactStore>().TryGetLocalPath(s.ArtifactPath)!).ToList()));

    public Records Runtime => Get<Records>();

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
