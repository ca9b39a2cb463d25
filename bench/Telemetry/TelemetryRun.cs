using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Trace;
using OrleansBatch.Abstractions.Jobs;
using OrleansBatch.Grains.Domain.Jobs;
using OrleansBatch.Grains.Providers;
using OrleansBatch.Silo.Hosting;
using OrleansBatch.Silo.Jobs;
using OrleansBatch.Silo.Telemetry;

namespace OrleansBatch.Bench.Telemetry;

/// <summary>
/// One measuring process: a silo host built as the silo process builds it (<c>AddSilo</c>, Local provider), with
/// telemetry <c>on</c> (every span sampled and exported to memory, metrics collected), <c>metrics</c> only (no span
/// sampled) or <c>off</c> (<c>OTEL_SDK_DISABLED=true</c>: no listener, so no span or measurement is even made). It runs each workload after a warm-up and prints the median
/// seconds per workload on one line. Off and on run in separate processes because listeners are process-wide.
/// </summary>
public static class TelemetryRun
{
    private const string Tenant = "bench";

    public static async Task<int> RunAsync(string mode, string repositoryRoot, int jobs)
    {
        var telemetry = mode != "off";
        var work = Directory.CreateTempSubdirectory("obatch-bench-telemetry-").FullName;
        try
        {
            var inputs = Path.Combine(work, "inputs");
            var workloads = Workloads.Write(repositoryRoot, inputs);
            var builder = Host.CreateApplicationBuilder();
            builder.Logging.ClearProviders();
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                [SiloProviderOptions.DataDirectoryKey] = Path.Combine(work, "data"),
                [SiloProviderOptions.DataRootsKey] = inputs,
                [TelemetrySettings.DisabledKey] = telemetry ? "false" : "true",
            });
            builder.AddSilo();
            var exported = new List<Activity>();
            if (mode == "on")
                builder.Services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(exported));
            else if (mode == "metrics")
                builder.Services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.SetSampler(new AlwaysOffSampler()));
            using var host = builder.Build();
            await host.StartAsync();
            try
            {
                var pipeline = new[]
                {
                    await AddModelAsync(host, Path.Combine(repositoryRoot, "samples/breast-cancer/preprocess.onnx")),
                    await AddModelAsync(host, Path.Combine(repositoryRoot, "samples/breast-cancer/model.onnx")),
                };
                var medians = new List<string>();
                var spans = 0;
                foreach (var workload in workloads)
                {
                    var seconds = new List<double>();
                    for (var run = -1; run < jobs; run++)
                    {
                        // The exporter appends from one thread at a time and nothing else changes the list: its count is safe to read.
                        var exportedBefore = exported.Count;
                        var watch = Stopwatch.StartNew();
                        var done = await RunJobAsync(host, Spec(host, workload.Folder, pipeline, workload.Settings));
                        if (done.Status != JobStatus.Completed)
                            throw new InvalidOperationException($"The {workload.Name} job ended {done.Status}: {done.Error?.Message}");
                        if (run >= 0)
                            seconds.Add(watch.Elapsed.TotalSeconds);
                        spans = exported.Count - exportedBefore;
                    }
                    seconds.Sort();
                    medians.Add(string.Create(CultureInfo.InvariantCulture, $"{workload.Name}={seconds[seconds.Count / 2]:0.0000}"));
                    medians.Add(string.Create(CultureInfo.InvariantCulture, $"{workload.Name}.spans={spans}"));
                }
                Console.WriteLine("result " + string.Join(' ', medians));
                return 0;
            }
            finally
            {
                await host.StopAsync();
            }
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static async Task<JobState> RunJobAsync(IHost host, JobSpec spec)
    {
        var jobs = host.Services.GetRequiredService<JobService>();
        JobState created;
        // A sampled invoke request, as the gateway's HTTP span is, so the job's spans are recorded when telemetry is on.
        using (var invoke = new Activity("invoke").SetIdFormat(ActivityIdFormat.W3C))
        {
            invoke.ActivityTraceFlags = ActivityTraceFlags.Recorded;
            invoke.Start();
            (created, _) = await jobs.CreateAsync(Tenant, JobKeys.NewJobName(DateTimeOffset.UtcNow), spec, null);
        }
        while (true)
        {
            var state = await jobs.GetAsync(Tenant, created.Name);
            if (state.Status.IsTerminal())
                return state;
            await Task.Delay(1);
        }
    }

    private static async Task<JobModelStep> AddModelAsync(IHost host, string file)
    {
        var name = Path.GetFileNameWithoutExtension(file);
        var path = $"tenants/{Tenant}/models/{name}/1/{Path.GetFileName(file)}";
        await using var content = File.OpenRead(file);
        await host.Services.GetRequiredService<IArtifactStore>().WriteAsync(path, content, overwrite: true);
        return new JobModelStep(name, 1, path);
    }

    private static JobSpec Spec(IHost host, string folder, IReadOnlyList<JobModelStep> steps, JobSettings settings)
    {
        var input = host.Services.GetRequiredService<JobInputResolver>().ResolveLocal(Tenant, "input", "uri_folder", folder, "input");
        var output = $"tenants/{Tenant}/outputs/{Guid.NewGuid():N}/{settings.OutputFileName}";
        return new JobSpec("bench", "main", 1, "pipeline", steps, [input], new JobOutput(output, output, OutputPolicy.Fail), settings);
    }
}
