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

    private ClusterSetup(string name, GatewayProcess gateway)
    {
        Name = name;
        Gateway = gateway;
    }

    public string Name { get; }

    public GatewayProcess Gateway { get; }

    public OrleansBatchClient Client { get; private set; } = null!;

    /// <summary>The embedded default: one gateway process with its own silo on the Local provider.</summary>
    public static async Task<ClusterSetup> EmbeddedAsync(string directory, int workers)
    {
        var data = Directory.CreateDirectory(Path.Combine(directory, "embedded")).FullName;
        var gateway = await GatewayProcess.StartAsync(data, AdminKey, Defaults(workers));
        return await SetUpAsync(new ClusterSetup("embedded (Local)", gateway));
    }

    /// <summary>A gateway without silo and <paramref name="silos"/> silo processes on Azurite, with a container prefix of their own.</summary>
    public static async Task<ClusterSetup> OnAzuriteAsync(string directory, string connectionString, int silos, int workers)
    {
        var environment = Defaults(workers);
        environment["OBATCH_PROVIDER"] = "AzureStorage";
        environment["OBATCH_STORAGE_CONNECTION_STRING"] = connectionString;
        environment["OBATCH_STORAGE_PREFIX"] = "b" + Guid.NewGuid().ToString("N")[..12];
        var gatewayEnvironment = new Dictionary<string, string>(environment) { ["OBATCH_EMBEDDED_SILO"] = "false" };
        var data = Directory.CreateDirectory(Path.Combine(directory, "gw-" + Guid.NewGuid().ToString("N")[..6])).FullName;
        var gateway = await GatewayProcess.StartAsync(data, AdminKey, gatewayEnvironment);
        var setup = new ClusterSetup($"{silos} silo{(silos == 1 ? "" : "s")} (Azurite)", gateway);
        for (var i = 0; i < silos; i++)
            setup._silos.Add(await SiloRun.StartAsync(directory, environment));
        return await SetUpAsync(setup);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var silo in _silos)
            await silo.DisposeAsync();
        await Gateway.DisposeAsync();
    }

    /// <summary>The product's defaults for leases and visibility (the runners shorten them for tests), and the worker count.</summary>
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
