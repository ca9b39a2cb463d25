using System.Net.Http.Json;
using System.Text.Json;
using Azure.Storage.Blobs;
using OrleansBatch.Api.Tests.Support;
using OrleansBatch.Client;
using OrleansBatch.Client.Jobs;
using OrleansBatch.Client.Models;
using OrleansBatch.Storage.Tests.Azure;

namespace OrleansBatch.Security.Tests.Remote;

/// <summary>
/// The real gateway as its own process in cluster mode (<c>OBATCH_PROVIDER=AzureStorage</c> on a real Azurite,
/// co-hosting its silo), with <c>OBATCH_ALLOWED_HOSTS</c> naming only <see cref="AllowedHost"/> and a 2 s
/// remote wait. Two tenants: the <see cref="Victim"/>, whose upload and finished job are the targets, and the
/// <see cref="Attacker"/>; each has the digits model behind an endpoint <c>digits</c>.
/// </summary>
public sealed class ClusterGateway : IAsyncLifetime
{
    public const string AdminKey = "remote-security-admin-key-0123456789abcdef";

    /// <summary>A loopback alias listed in OBATCH_ALLOWED_HOSTS: nothing that answers HTTPS runs there.</summary>
    public const string AllowedHost = "127.0.0.3";

    private readonly AzuriteFixture _azurite = new();
    private readonly string _dir = Directory.CreateTempSubdirectory("obatch-remote-security-").FullName;

    public string Prefix { get; } = "s" + Guid.NewGuid().ToString("N")[..12];

    public GatewayProcess Gateway { get; private set; } = null!;

    public TenantSide Victim { get; private set; } = null!;

    public TenantSide Attacker { get; private set; } = null!;

    /// <summary>The platform's artifacts container, read directly to prove what changed and what did not.</summary>
    public BlobContainerClient Artifacts => _azurite.CreateBlobService().GetBlobContainerClient($"{Prefix}-artifacts");

    public BlobServiceClient Account => _azurite.CreateBlobService();

    /// <summary>The victim's uploaded input file (artifact path).</summary>
    public string VictimUpload { get; private set; } = "";

    /// <summary>The victim's finished job's output file (artifact path).</summary>
    public string VictimOutput { get; private set; } = "";

    /// <summary>The URL of an artifact path on the platform's own account, as anyone who knows the layout can write it.</summary>
    public string Url(string artifactPath) => $"{Artifacts.Uri.ToString().TrimEnd('/')}/{artifactPath}";

    public async Task InitializeAsync()
    {
        await _azurite.InitializeAsync();
        Gateway = await GatewayProcess.StartAsync(_dir, AdminKey, new Dictionary<string, string>
        {
            ["OBATCH_PROVIDER"] = "AzureStorage",
            ["OBATCH_STORAGE_CONNECTION_STRING"] = _azurite.ConnectionString,
            ["OBATCH_STORAGE_PREFIX"] = Prefix,
            ["OBATCH_ALLOWED_HOSTS"] = AllowedHost,
            ["OBATCH_REMOTE_TIMEOUT"] = "2",
        });
        var admin = new OrleansBatchClient(Gateway.Address, AdminKey);
        Victim = await TenantSide.CreateAsync(admin, Gateway, "victim");
        Attacker = await TenantSide.CreateAsync(admin, Gateway, "attacker");

        var images = Directory.GetFiles(RepositoryPaths.Sample("digits", "images")).Order(StringComparer.Ordinal).Take(3).ToList();
        var upload = await Victim.Client.UploadFilesAsync(images);
        var uploadId = upload.Path["upload://".Length..].TrimEnd('/');
        VictimUpload = $"tenants/{Victim.Name}/uploads/{uploadId}/{Path.GetFileName(images[0])}";
        var job = await Victim.Client.InvokeEndpointAsync("digits", new BatchJobInvocation { Input = BatchJobInput.Folder(upload.Path) });
        var done = await job.WaitForCompletionAsync(TimeSpan.FromMilliseconds(200));
        if (done.Status != BatchJobStatus.Completed)
            throw new InvalidOperationException($"The victim's job ended {done.Status}: {Gateway.Output}");
        VictimOutput = $"tenants/{Victim.Name}/jobs/{job.Name}/score/predictions.csv";
        if (!await Artifacts.GetBlobClient(VictimOutput).ExistsAsync())
            throw new InvalidOperationException($"The victim's output is not at {VictimOutput}.");
    }

    public async Task DisposeAsync()
    {
        if (Gateway is not null)
            await Gateway.DisposeAsync();
        await _azurite.DisposeAsync();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }

    /// <summary>One tenant: its name, contributor key, typed client and raw HTTP client.</summary>
    public sealed record TenantSide(string Name, string Key, OrleansBatchClient Client, GatewayProcess Gateway)
    {
        public static async Task<TenantSide> CreateAsync(OrleansBatchClient admin, GatewayProcess gateway, string prefix)
        {
            var name = $"{prefix}-{Guid.NewGuid().ToString("N")[..8]}";
            await admin.CreateTenantAsync(name);
            var key = (await admin.CreateTenantKeyAsync(name, ApiKeyRole.Contributor)).Key!;
            var client = new OrleansBatchClient(gateway.Address, key);
            await client.CreateModelVersionAsync("digits", RepositoryPaths.Sample("digits", "model.onnx"));
            await client.CreateOrUpdateEndpointAsync("digits", new BatchEndpointDefinition());
            await client.CreateOrUpdateDeploymentAsync("digits", "first", new BatchDeploymentDefinition { Model = new ModelReference("digits", 1) });
            return new TenantSide(name, key, client, gateway);
        }

        /// <summary>POST /v1/endpoints/digits/jobs with <paramref name="body"/>, as the attacker would send it.</summary>
        public async Task<HttpResponseMessage> InvokeAsync(object body)
        {
            using var http = Gateway.Client(Key);
            return await http.PostAsJsonAsync("/v1/endpoints/digits/jobs", body);
        }

        /// <summary>Every job of this tenant, as the job list shows them.</summary>
        public async Task<JsonElement> JobsAsync()
        {
            using var http = Gateway.Client(Key);
            return (await http.GetFromJsonAsync<JsonElement>("/v1/jobs")).GetProperty("value");
        }
    }
}
