using Azure.Storage.Blobs;
using Azure.Storage.Sas;
using OrleansBatch.Api.Tests.Support;
using OrleansBatch.Client;
using OrleansBatch.Client.Models;
using OrleansBatch.Storage.Tests.Azure;

namespace OrleansBatch.EndToEnd.Tests.Support;

/// <summary>
/// A cluster of real processes on a real Azurite: one gateway without a silo of its own
/// (<c>OBATCH_EMBEDDED_SILO=false</c>) and three silos, all on the AzureStorage provider with a container
/// prefix of their own; one tenant with the sample models, endpoints and deployments.
/// </summary>
public sealed class Cluster : IAsyncLifetime
{
    private readonly AzuriteFixture _azurite = new();
    private readonly string _dir = Directory.CreateTempSubdirectory("obatch-cluster-").FullName;

    public const string AdminKey = "cluster-platform-admin-key-0123456789abcdef";

    public string Prefix { get; } = "c" + Guid.NewGuid().ToString("N")[..12];

    public string Tenant { get; } = "cl-" + Guid.NewGuid().ToString("N")[..8];

    public GatewayProcess Gateway { get; private set; } = null!;

    public List<SiloRun> Silos { get; } = [];

    public OrleansBatchClient Client { get; private set; } = null!;

    /// <summary>The tenant's contributor key.</summary>
    public string Key { get; private set; } = "";

    public OrleansBatchClient Admin { get; private set; } = null!;

    public string ConnectionString => _azurite.ConnectionString;

    /// <summary>An account SAS for blobs (read, write, list, create, add; an hour), as a user would put in a URL.</summary>
    public string BlobSas() => Account.GenerateAccountSasUri(
        AccountSasPermissions.Read | AccountSasPermissions.Write | AccountSasPermissions.List | AccountSasPermissions.Create | AccountSasPermissions.Add,
        DateTimeOffset.UtcNow.AddHours(1), AccountSasResourceTypes.Container | AccountSasResourceTypes.Object).Query.TrimStart('?');

    public BlobServiceClient Account => _azurite.CreateBlobService();

    /// <summary>The platform's artifacts container on the cluster's account: blob URLs of the tenant's own files point here.</summary>
    public BlobContainerClient Artifacts => Account.GetBlobContainerClient($"{Prefix}-artifacts");

    public string WorkDirectory => _dir;

    /// <summary>Settings every process of the cluster shares: the provider and short timings, so failover happens within seconds.</summary>
    public Dictionary<string, string> Environment => new()
    {
        ["OBATCH_PROVIDER"] = "AzureStorage",
        ["OBATCH_STORAGE_CONNECTION_STRING"] = ConnectionString,
        ["OBATCH_STORAGE_PREFIX"] = Prefix,
        ["Jobs__RetryBackoff"] = "00:00:01",
        ["Jobs__Workers"] = "2",
        // Jobs here last a second or two: silos other than the owner's must look for work more often than once a second to take part.
        ["Membership__HeartbeatPeriod"] = "00:00:01",
    };

    public async Task InitializeAsync()
    {
        await _azurite.InitializeAsync();
        var gatewayEnvironment = Environment;
        gatewayEnvironment["OBATCH_EMBEDDED_SILO"] = "false";
        var data = Path.Combine(_dir, "gateway");
        Directory.CreateDirectory(data);
        var silos = Enumerable.Range(0, 3).Select(_ => AddSiloAsync()).ToList();
        Gateway = await GatewayProcess.StartAsync(data, AdminKey, gatewayEnvironment);
        await Task.WhenAll(silos);

        Admin = new OrleansBatchClient(Gateway.Address, AdminKey);
        await Admin.CreateTenantAsync(Tenant);
        Key = (await Admin.CreateTenantKeyAsync(Tenant, ApiKeyRole.Contributor)).Key!;
        Client = new OrleansBatchClient(Gateway.Address, Key);
        await Client.CreateModelVersionAsync("digits", RepositoryPaths.Sample("digits", "model.onnx"));
        await Client.CreateModelVersionAsync("prep", RepositoryPaths.Sample("breast-cancer", "preprocess.onnx"));
        await Client.CreateModelVersionAsync("cancer", RepositoryPaths.Sample("breast-cancer", "model.onnx"));
        // Six mini-batches outstanding per job: one for each worker of the three silos.
        var resources = new DeploymentResources { InstanceCount = 3 };
        await Client.CreateOrUpdateEndpointAsync("digits", new BatchEndpointDefinition());
        await Client.CreateOrUpdateDeploymentAsync("digits", "first", new BatchDeploymentDefinition
        {
            Model = new ModelReference("digits", 1),
            Resources = resources,
            Settings = new DeploymentSettings { MiniBatchSize = MiniBatchSize.FromFiles(3), MaxConcurrencyPerInstance = 2 },
        });
        await Client.CreateOrUpdateEndpointAsync("cancer", new BatchEndpointDefinition());
        await Client.CreateOrUpdateDeploymentAsync("cancer", "pipe", new BatchDeploymentDefinition
        {
            Type = DeploymentType.Pipeline,
            Steps = [new PipelineStep(new ModelReference("prep", 1)), new PipelineStep(new ModelReference("cancer", 1))],
            Resources = resources,
            Settings = new DeploymentSettings { MaxConcurrencyPerInstance = 2 },
        });
    }

    /// <summary>Starts one more silo (also: a silo that comes back after a crash rejoins with a new id).</summary>
    public async Task<SiloRun> AddSiloAsync()
    {
        var silo = await SiloRun.StartAsync(_dir, Environment);
        lock (Silos) Silos.Add(silo);
        return silo;
    }

    /// <summary>Uploads files as blobs of the tenant's own files on the cluster's account; returns the folder's URL (the account's own endpoint).</summary>
    public async Task<string> UploadBlobFolderAsync(string folder, IEnumerable<string> files)
    {
        foreach (var file in files)
            await Artifacts.GetBlobClient($"tenants/{Tenant}/{folder}/{Path.GetFileName(file)}").UploadAsync(BinaryData.FromBytes(await File.ReadAllBytesAsync(file)));
        return $"{Artifacts.Uri.ToString().TrimEnd('/')}/tenants/{Tenant}/{folder}/";
    }

    public async Task DisposeAsync()
    {
        foreach (var silo in Silos)
            await silo.DisposeAsync();
        if (Gateway is not null)
            await Gateway.DisposeAsync();
        await _azurite.DisposeAsync();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }
}
