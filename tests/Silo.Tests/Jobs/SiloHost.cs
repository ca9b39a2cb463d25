using OrleansBatch.Abstractions.Jobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OrleansBatch.Grains.Domain.Jobs;
using OrleansBatch.Grains.Providers;
using OrleansBatch.Grains;
using OrleansBatch.Grains.Domain;
using OrleansBatch.Scoring;
using OrleansBatch.Silo.Hosting;
using OrleansBatch.Silo.Jobs;
using OrleansBatch.Silo.Workers;
using OrleansBatch.Storage.Local;

namespace OrleansBatch.Silo.Tests.Jobs;

/// <summary>A real Orleans silo (Local provider, ONNX scoring, job and mini-batch grains) on a data directory.</summary>
public sealed class SiloHost : IAsyncDisposable
{
    private readonly IHost _host;

    private SiloHost(IHost host) => _host = host;

    public static async Task<SiloHost> StartAsync(string dataDirectory, string dataRoot, Action<JobOptions>? configure = null)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddLocalStorage(dataDirectory);
        builder.Services.AddRecords();
        builder.Services.AddOnnxScoring();
        builder.Services.AddJobs(o =>
        {
            o.DataRoots = [dataRoot];
            o.RetryBackoff = TimeSpan.FromSeconds(2);
            configure?.Invoke(o);
        });
        builder.UseOrleans(silo => silo.UseOrleansBatch(new SiloProviderOptions { DataDirectory = dataDirectory }, builder.Configuration));
        var host = builder.Build();
        await host.StartAsync();
        return new SiloHost(host);
    }

    public JobService Jobs => _host.Services.GetRequiredService<JobService>();

    public JobInputResolver Inputs => _host.Services.GetRequiredService<JobInputResolver>();

    public IArtifactStore Artifacts => _host.Services.GetRequiredService<IArtifactStore>();

    public Records Records => _host.Services.GetRequiredService<Records>();

    /// <summary>The job's record as its grain keeps it in Orleans grain storage (<c>grains.db</c>), read beside the silo.</summary>
    public async Task<StoredState<JobState>?> ReadJobGrainStateAsync(string tenant, string job)
    {
        var storage = _host.Services.GetRequiredKeyedService<Orleans.Storage.IGrainStorage>(StorageNames.Grains);
        var state = new Orleans.GrainState<StoredState<JobState>>(new StoredState<JobState>());
        await storage.ReadStateAsync("job", Orleans.Runtime.GrainId.Create("job", Abstractions.GrainKeys.Of(tenant, job)), state);
        return state.RecordExists ? state.State : null;
    }

    public MiniBatchScheduler Scheduler => _host.Services.GetRequiredService<MiniBatchScheduler>();

    /// <summary>Stores a model file as a tenant's model artifact and returns the step that scores with it.</summary>
    public async Task<JobModelStep> AddModelAsync(string tenant, string model, string file)
    {
        var path = $"tenants/{tenant}/models/{model}/1/{Path.GetFileName(file)}";
        await using var content = File.OpenRead(file);
        await Artifacts.WriteAsync(path, content, overwrite: true);
        return new JobModelStep(model, 1, path);
    }

    /// <summary>Waits until the job has ended (the guard only stops a hung test; it asserts no speed).</summary>
    public async Task<JobState> WaitAsync(string tenant, string job)
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        while (true)
        {
            var state = await Jobs.GetAsync(tenant, job, guard.Token);
            if (state.Status.IsTerminal())
                return state;
            await Task.Delay(50, guard.Token);
        }
    }

    /// <summary>Waits until the job's log has a line containing <paramref name="text"/>.</summary>
    public async Task WaitForLogAsync(string tenant, string job, string text)
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        while (true)
        {
            await foreach (var line in Jobs.LogAsync(tenant, job, follow: false, guard.Token))
                if (line.Contains(text, StringComparison.Ordinal))
                    return;
            await Task.Delay(50, guard.Token);
        }
    }

    public async Task<string> ReadOutputAsync(string tenant, string job)
    {
        var (content, _, _) = await Jobs.OpenOutputAsync(tenant, job);
        await using (content)
        using (var reader = new StreamReader(content))
            return await reader.ReadToEndAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
