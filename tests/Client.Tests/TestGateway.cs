using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using OrleansBatch.Client.Models;

namespace OrleansBatch.Client.Tests;

/// <summary>
/// The real gateway (with its embedded silo and Local provider) in-process on its own temp data directory, plus
/// clients that reach it through the test server's handler. Each test starts its own and disposes it.
/// </summary>
public sealed class TestGateway : IAsyncDisposable
{
    public const string AdminKey = "obatch-test-admin-key-0123456789abcdef";

    private readonly WebApplicationFactory<Program> _factory;

    private TestGateway(string dataDirectory)
    {
        DataDirectory = dataDirectory;
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(host => host
            .UseSetting("OBATCH_DATA_DIR", dataDirectory)
            .UseSetting("OBATCH_ADMIN_KEY", AdminKey));
    }

    public string DataDirectory { get; }

    public Uri Endpoint => _factory.Server.BaseAddress;

    /// <summary>The repository root (the folder holding OrleansBatch.sln), for the committed samples.</summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string SampleModelPath => Path.Combine(RepositoryRoot, "samples", "breast-cancer", "model.onnx");

    public static TestGateway Start()
    {
        var gateway = new TestGateway(Directory.CreateTempSubdirectory("obatch-client-tests-").FullName);
        _ = gateway._factory.Server; // starts the host now, so a start-up failure shows here
        return gateway;
    }

    /// <summary>Options whose transport is the in-process test server.</summary>
    public OrleansBatchClientOptions Options() => new() { Transport = _factory.Server.CreateHandler() };

    public OrleansBatchClient Client(string apiKey) => new(Endpoint, apiKey, Options());

    public OrleansBatchClient AdminClient() => Client(AdminKey);

    /// <summary>Creates a tenant and a key of that role through the client, and returns a client with the key.</summary>
    public async Task<OrleansBatchClient> TenantClientAsync(string tenant = "contoso", ApiKeyRole role = ApiKeyRole.Admin)
    {
        var admin = AdminClient();
        await admin.CreateTenantAsync(tenant);
        var key = await admin.CreateTenantKeyAsync(tenant, role);
        return Client(key.Key!);
    }

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still closing on a slow disk; the temp folder is cleaned by the OS later.
        }
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "OrleansBatch.sln")))
                return dir.FullName;
        throw new InvalidOperationException($"No OrleansBatch.sln above {AppContext.BaseDirectory}.");
    }
}
