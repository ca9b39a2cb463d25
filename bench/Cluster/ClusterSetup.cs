using OrleansBatch.Api.Tests.Support;
using OrleansBatch.Client;
using OrleansBatch.Client.Models;
using OrleansBatch.EndToEnd.Tests.Support;

namespace OrleansBatch.Bench.Cluster;

/// <summary>One configuration under test: a gateway and its silos (none for the embedded default), with a tenant, the pipeline model and an endpoint.</summary>
public sealed class ClusterSetup : IAsyncDisposable
{
    private const string AdminKey = "bench-platform-admin-key-0123456789abcdef";

    private readonly List<SiloRun> _silos = [];
    private readonly string _directory;
    private readonly IReadOnlyDictionary<string, string> _siloEnvironment;

    private ClusterSetup(string name, GatewayProcess gateway, string directory, IReadOnlyDictionary<string, string> siloEnvironment)
    {
        Name = name;
        Gateway = gateway;
        _directory = directory;
        _siloEnvironment = siloEnvironment;
    }

    public string Name { get; }

    public GatewayProcess Gateway { get; }

    public OrleansBatchClient Client { get; private set; } = null!;

    /// <summary>The silo processes started so far (killed ones included).</summary>
    public IReadOnlyList<SiloRun> Silos => _silos;

    /// <summary>Starts one more silo process with the cluster's settings (a replacement for a killed one).</summary>
    public async Task<SiloRun> AddSiloAsync()
    {
        var silo = await SiloRun.StartAsync(_directory, _siloEnvironment);
        _silos.Add(silo);
        return silo;
    }

    /// <summary>The embedded default: one gateway process with its own silo (localhost clustering, SQLite grain state, Local files).</summary>
    public static async Task<ClusterSetup> EmbeddedAsync(string directory, int workers)
    {
        var data = Directory.CreateDirectory(Path.Combine(directory, "embedded")).FullName;
        var gateway = await GatewayProcess.StartAsync(data, AdminKey, Defaults(workers));
        return await SetUpAsync(new ClusterSetup("embedded (Local)", gateway, directory, new Dictionary<string, string>()));
    }

    /// <summary>A gateway without silo and <paramref name="silos"/> silo processes on Azurite, with a container prefix of their own.</summary>
    public static async Task<ClusterSetup> OnAzuriteAsync(string directory, string connectionString, int silos, int workers)
    {
        var environment = Defaults(workers);
        environment["OBATCH_PROVIDER"] = "AzureStorage";
        environment["OBATCH_STORAGE_CONNECTION_STRING"] = connectionString;
        environment["OBATCH_STORAGE_PREFIX"] = "b" + Guid.NewGuid().ToString("N")[..12];
        var gatewayEnvironment = new Dictionary<string, string>(environment) { ["OBATCH_EMBEDDED_SILO"] = "false" };
        // The silos first: a gateway without a silo is an Orleans client, healthy once it has found a silo to connect to.
        var started = new List<SiloRun>();
        GatewayProcess gateway;
        try
        {
            for (var i = 0; i < silos; i++)
                started.Add(await SiloRun.StartAsync(directory, environment));
            var data = Directory.CreateDirectory(Path.Combine(directory, "gw-" + Guid.NewGuid().ToString("N")[..6])).FullName;
            gateway = await GatewayProcess.StartAsync(data, AdminKey, gatewayEnvironment);
        }
        catch
        {
            // A process that failed to start leaves no setup to dispose: stop the silos already running here.
            foreach (var silo in started)
                await silo.DisposeAsync();
            throw;
        }
        var setup = new ClusterSetup($"{silos} silo{(silos == 1 ? "" : "s")} (Azurite)", gateway, directory, environment);
        setup._silos.AddRange(started);
        return await SetUpAsync(setup);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var silo in _silos)
            await silo.DisposeAsync();
        await Gateway.DisposeAsync();
    }

    /// <summary>The product's settings (membership, retries: the test runners shorten some) but for the worker count.</summary>
    private static Dictionary<string, string> Defaults(int workers) => new()
    {
        ["Jobs__Workers"] = workers.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private static async Task<ClusterSetup> SetUpAsync(ClusterSetup setup)
    {
        var admin = new OrleansBatchClient(setup.Gateway.Address, AdminKey);
        await admin.CreateTenantAsync("bench");
        setup.Client = new OrleansBatchClient(setup.Gateway.Address, (await admin.CreateTenantKeyAsync("bench", ApiKeyRole.Contributor)).Key!);
        await setup.Client.CreateModelVersionAsync("prep", RepositoryPaths.Sample("breast-cancer", "preprocess.onnx"));
        await setup.Client.CreateModelVersionAsync("cancer", RepositoryPaths.Sample("breast-cancer", "model.onnx"));
        await setup.Client.CreateOrUpdateEndpointAsync("cancer", new BatchEndpointDefinition());
        await setup.Client.CreateOrUpdateDeploymentAsync("cancer", "pipe", new BatchDeploymentDefinition
        {
            Type = DeploymentType.Pipeline,
            Steps = [new PipelineStep(new ModelReference("prep", 1)), new PipelineStep(new ModelReference("cancer", 1))],
            Resources = new DeploymentResources { InstanceCount = 3 },
            Settings = new DeploymentSettings { MaxConcurrencyPerInstance = 2 },
        });
        return setup;
    }
}
