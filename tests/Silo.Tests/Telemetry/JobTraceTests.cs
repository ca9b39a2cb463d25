using System.Diagnostics;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.Runtime;
using Orleans.TestingHost;
using OpenTelemetry.Trace;
using OrleansBatch.Abstractions.Jobs;
using OrleansBatch.Grains;
using OrleansBatch.Grains.Domain.Jobs;
using OrleansBatch.Grains.Providers;
using OrleansBatch.Grains.Security;
using OrleansBatch.Silo.Jobs;
using OrleansBatch.Silo.Telemetry;
using OrleansBatch.Silo.Tests.Jobs;
using OrleansBatch.Silo.Hosting;
using OrleansBatch.Storage.Tests.Azure;

namespace OrleansBatch.Silo.Tests.Telemetry;

/// <summary>
/// A job on a two-silo Orleans test cluster, traced with the platform's telemetry setup and OpenTelemetry's in-memory
/// exporter: every span (the owner's run, planning, each mini-batch on whichever silo, its scoring, the ordered join and
/// finalize) is in the trace of the request that created the job, each under the right parent.
/// </summary>
[Collection(TelemetryCollection.Name)]
public sealed class JobTraceTests(AzuriteFixture azurite) : IAsyncLifetime, IClassFixture<AzuriteFixture>
{
    private const string Tenant = "traced";
    private readonly string _dir = Directory.CreateTempSubdirectory("obatch-trace-").FullName;
    private readonly SpanCollection _spans = new();
    private InProcessTestCluster _cluster = null!;

    private string DataRoot => Path.Combine(_dir, "inputs");

    public async Task InitializeAsync()
    {
        var root = DataRoot;
        Directory.CreateDirectory(root);
        // Both silos share one storage account (Azurite), as a cluster does: the Local provider is one process's.
        var prefix = "trace" + Guid.NewGuid().ToString("N")[..8];
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [SiloProviderOptions.ProviderKey] = SiloProviderOptions.AzureStorage,
            [SiloProviderOptions.ConnectionStringKey] = azurite.ConnectionString,
            [SiloProviderOptions.ContainerPrefixKey] = prefix,
        }).Build();
        var tables = new TableServiceClient(azurite.ConnectionString);
        var spans = _spans;
        var exporting = 0;
        var builder = new InProcessTestClusterBuilder(2);
        builder.ConfigureSilo((_, silo) =>
        {
            // The silo of UseOrleansBatch for AzureStorage, on the test cluster's own membership.
            silo.Services.AddSiloProvider(configuration);
            silo.Services.AddSiloServices();
            silo.Services.AddOptions<JobOptions>().Configure<ILocalSiloDetails>((o, local) =>
            {
                o.SiloId = local.Name;
                o.DataRoots = [root];
            });
            silo.AddAzureBlobGrainStorage(StorageNames.Grains, o => o.Configure(b => (b.BlobServiceClient, b.ContainerName) = (new BlobServiceClient(azurite.ConnectionString), prefix + "-grains")));
            silo.UseAzureTableReminderService(o => o.Configure(t => (t.TableServiceClient, t.TableName) = (tables, prefix + "reminders")));
            silo.UseSystemTextJsonGrainStorageSerializer();
            // Placement by activation count reads the silos' published load: publish it often, so both silos get mini-batches.
            silo.Configure<DeploymentLoadPublisherOptions>(o => o.DeploymentLoadPublisherRefreshTime = TimeSpan.FromMilliseconds(100));
            silo.AddTenantIsolation(InternalCallKey.ForStorageAccount(azurite.ConnectionString));
            silo.AddActivityPropagation();
            silo.Services.AddOrleansBatchTelemetry(configuration, "orleans-batch-silo");
            // Every provider sees every span of the process: one exporter is enough.
            if (Interlocked.Exchange(ref exporting, 1) == 0)
                silo.Services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(spans));
        });
        _cluster = builder.Build();
        await _cluster.DeployAsync();
        // Until each silo has published its load once, placement sees only the local silo.
        await Task.Delay(TimeSpan.FromSeconds(1));
    }

    public async Task DisposeAsync()
    {
        await _cluster.StopAllSilosAsync();
        await _cluster.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task A_jobs_spans_share_the_invoke_trace_with_the_right_parents_across_two_silos()
    {
        var services = _cluster.Silos[0].ServiceProvider;
        var spec = await SpecAsync(services);
        JobState created;
        ActivityContext invoke;
        // The request that creates the job (the gateway's sampled HTTP span; here a plain activity of the test).
        using (var request = new Activity("invoke").SetIdFormat(ActivityIdFormat.W3C))
        {
            request.ActivityTraceFlags = ActivityTraceFlags.Recorded;
            request.Start();
            invoke = request.Context;
            (created, _) = await services.GetRequiredService<JobService>().CreateAsync(Tenant, JobKeys.NewJobName(DateTimeOffset.UtcNow), spec, null);
        }
        var done = await WaitAsync(services, created.Name);
        var trace = await SpansAsync(invoke.TraceId);

        Assert.Equal(JobStatus.Completed, done.Status);
        Assert.Equal(invoke.TraceId.ToHexString(), JobTelemetry.TraceIdOf(done.TraceParent));
        var byId = trace.ToDictionary(s => s.SpanId);
        var run = Assert.Single(trace, s => s.OperationName == "job.run");
        Assert.Equal(invoke.SpanId, run.ParentSpanId);
        Assert.Equal(created.Name, run.GetTagItem("obatch.job"));
        Assert.Equal(run.SpanId, Assert.Single(trace, s => s.OperationName == "job.plan").ParentSpanId);
        var finalize = Assert.Single(trace, s => s.OperationName == "job.finalize");
        Assert.Equal(run.SpanId, finalize.ParentSpanId);
        var joins = trace.Where(s => s.OperationName == "job.join").ToList();
        Assert.NotEmpty(joins);
        Assert.All(joins, j => Assert.Contains(j.ParentSpanId, new[] { run.SpanId, finalize.SpanId }));

        // Each mini-batch once, under the Orleans grain call that placed it, which the owner's run made.
        var miniBatches = trace.Where(s => s.OperationName == "minibatch.run").ToList();
        Assert.Equal(Enumerable.Range(0, done.Counters.Total), miniBatches.Select(m => (int)m.GetTagItem("obatch.minibatch")!).Order());
        foreach (var miniBatch in miniBatches)
        {
            var placedBy = byId[miniBatch.ParentSpanId];
            Assert.StartsWith("Microsoft.Orleans", placedBy.Source.Name);
            Assert.True(Ancestors(placedBy, byId).Contains(run.SpanId), $"mini-batch {miniBatch.GetTagItem("obatch.minibatch")} is not under the job's run");
            Assert.Contains(trace, s => s.OperationName == "minibatch.score" && s.ParentSpanId == miniBatch.SpanId);
        }
        // Both silos scored: the trace crosses silos.
        var silos = miniBatches.Select(m => (string)m.GetTagItem("obatch.silo")!).Distinct().ToList();
        Assert.Equal(2, silos.Count);
    }

    private static IEnumerable<ActivitySpanId> Ancestors(Activity span, Dictionary<ActivitySpanId, Activity> byId)
    {
        for (var current = span; byId.TryGetValue(current.ParentSpanId, out var parent); current = parent)
            yield return current.ParentSpanId;
        yield return span.ParentSpanId;
    }

    /// <summary>The trace's spans once the owner's run has ended (it ends just after the job's state does).</summary>
    private async Task<List<Activity>> SpansAsync(ActivityTraceId traceId)
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        while (!_spans.OfTrace(traceId).Any(s => s.OperationName == "job.run"))
            await Task.Delay(50, guard.Token);
        return _spans.OfTrace(traceId);
    }

    private async Task<JobSpec> SpecAsync(IServiceProvider services)
    {
        var folder = Path.Combine(DataRoot, "digits");
        Directory.CreateDirectory(folder);
        foreach (var file in Directory.EnumerateFiles(Samples.Path("digits", "images")))
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        var model = Samples.Path("digits", "model.onnx");
        var artifact = $"tenants/{Tenant}/models/digits/1/model.onnx";
        await using (var content = File.OpenRead(model))
            await services.GetRequiredService<IArtifactStore>().WriteAsync(artifact, content, overwrite: true);
        var input = services.GetRequiredService<JobInputResolver>().ResolveLocal(Tenant, "input", "uri_folder", folder, "input.path");
        var output = JobKeys.DefaultOutput(Tenant, "out-" + Guid.NewGuid().ToString("N")[..8], JobSettings.Default.OutputFileName);
        var settings = JobSettings.Default with { MiniBatchSize = new MiniBatchSize(MiniBatchSizeKind.Files, 2), MaxConcurrencyPerInstance = 4 };
        return new JobSpec("digits", "blue", 1, "model", [new JobModelStep("digits", 1, artifact)], [input], new JobOutput(output, output, OutputPolicy.Fail), settings);
    }

    private static async Task<JobState> WaitAsync(IServiceProvider services, string job)
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        while (true)
        {
            var state = await services.GetRequiredService<JobService>().GetAsync(Tenant, job, guard.Token);
            if (state.Status.IsTerminal())
                return state;
            await Task.Delay(50, guard.Token);
        }
    }
}
