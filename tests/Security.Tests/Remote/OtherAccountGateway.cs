using Azure.Storage;
using Azure.Storage.Blobs;
using Azure.Storage.Sas;
using OrleansBatch.Api.Tests.Support;
using OrleansBatch.Client;
using OrleansBatch.Storage.Tests.Azure;

namespace OrleansBatch.Security.Tests.Remote;

/// <summary>
/// A cluster-mode gateway process on an Azurite that serves two accounts: the platform's (the well-known one) and
/// <see cref="AccountName"/>, a customer's account reached only by URL with a SAS. Azurite speaks plain http on
/// 127.0.0.1, so the gateway names that host, and only it, in <c>OBATCH_ALLOWED_HTTP_HOSTS</c>.
/// </summary>
public sealed class OtherAccountGateway : IAsyncLifetime
{
    public const string AdminKey = "other-account-admin-key-0123456789abcdef";
    public const string AccountName = "customeraccount";

    /// <summary>The customer account's key (any base64 key does for Azurite); it never reaches the gateway.</summary>
    public static readonly string AccountKey = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("customer-account-key-for-azurite-tests-only-0123456789"));

    private readonly string _dir = Directory.CreateTempSubdirectory("obatch-other-account-").FullName;
    private AzuriteServer _azurite = null!;

    public GatewayProcess Gateway { get; private set; } = null!;

    public ClusterGateway.TenantSide Tenant { get; private set; } = null!;

    /// <summary>The customer's account, as its owner opens it with the key.</summary>
    public BlobServiceClient Account { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _azurite = await AzuriteServer.StartAsync(otherAccounts: new Dictionary<string, string> { [AccountName] = AccountKey });
        Account = new BlobServiceClient(new Uri($"http://127.0.0.1:{_azurite.BlobPort}/{AccountName}"), new StorageSharedKeyCredential(AccountName, AccountKey));
        Gateway = await GatewayProcess.StartAsync(_dir, AdminKey, new Dictionary<string, string>
        {
            ["OBATCH_PROVIDER"] = "AzureStorage",
            ["OBATCH_STORAGE_CONNECTION_STRING"] = _azurite.ConnectionString,
            ["OBATCH_STORAGE_PREFIX"] = "o" + Guid.NewGuid().ToString("N")[..12],
            ["OBATCH_ALLOWED_HTTP_HOSTS"] = "127.0.0.1",
            ["OBATCH_REMOTE_TIMEOUT"] = "5",
        });
        Tenant = await ClusterGateway.TenantSide.CreateAsync(new OrleansBatchClient(Gateway.Address, AdminKey), Gateway, "sas");
    }

    /// <summary>A container of the customer's account holding <paramref name="files"/> under <paramref name="folder"/>.</summary>
    public async Task<BlobContainerClient> ContainerAsync(string folder, IEnumerable<string> files)
    {
        var container = Account.GetBlobContainerClient("c" + Guid.NewGuid().ToString("N")[..12]);
        await container.CreateAsync();
        foreach (var file in files)
            await container.GetBlobClient($"{folder}/{Path.GetFileName(file)}").UploadAsync(file);
        return container;
    }

    /// <summary>The URL of <paramref name="path"/> in <paramref name="container"/> with a container SAS of <paramref name="permissions"/>.</summary>
    public static string WithSas(BlobContainerClient container, string path, BlobContainerSasPermissions permissions)
    {
        var sas = container.GenerateSasUri(permissions, DateTimeOffset.UtcNow.AddHours(1));
        return $"{container.Uri.ToString().TrimEnd('/')}/{path}{sas.Query}";
    }

    public async Task DisposeAsync()
    {
        if (Gateway is not null)
            await Gateway.DisposeAsync();
        if (_azurite is not null)
            await _azurite.DisposeAsync();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }
}
