using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;

namespace OrleansBatch.Security.Tests.Support;

/// <summary>
/// The real gateway in-process with small limits (5 files per upload, 1 MB per tenant, 1 live job per tenant), on a data
/// directory of its own (or one the test prepared), removed when disposed.
/// </summary>
public sealed class LimitedGateway : WebApplicationFactory<Program>
{
    public const string AdminKey = "limited-gateway-admin-key-0123456789";

    private readonly bool _ownsDirectory;

    public LimitedGateway() : this(Directory.CreateTempSubdirectory("obatch-sec-").FullName, ownsDirectory: true)
    {
    }

    private LimitedGateway(string dataDirectory, bool ownsDirectory)
    {
        DataDirectory = dataDirectory;
        _ownsDirectory = ownsDirectory;
    }

    public string DataDirectory { get; }

    /// <summary>A gateway on a data directory the test prepared (and removes).</summary>
    public static LimitedGateway On(string dataDirectory) => new(dataDirectory, ownsDirectory: false);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["OBATCH_DATA_DIR"] = DataDirectory,
            ["OBATCH_ADMIN_KEY"] = AdminKey,
            ["OBATCH_MAX_UPLOAD_MB"] = "16",
            ["OBATCH_MAX_UPLOAD_FILES"] = "5",
            ["OBATCH_TENANT_MAX_STORAGE_MB"] = "1",
            ["OBATCH_TENANT_MAX_LIVE_JOBS"] = "1",
            ["Logging:LogLevel:Default"] = "Warning",
        }));
    }

    /// <summary>A new tenant's contributor client.</summary>
    public async Task<HttpClient> ContributorAsync() => (await ContributorKeys.NewTenantAsync(this, AdminKey, "lim")).Client;

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (!_ownsDirectory)
            return;
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may still hold a file briefly.
        }
    }
}
