using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OrleansBatch.Grains.Providers;
using OrleansBatch.Grains.Domain;
using OrleansBatch.Storage.Azure;

namespace OrleansBatch.Storage.Tests.Azure;

public sealed class AzureStorageHostingTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private readonly AzureStorageScope _scope = new(azurite);

    private sealed record Counter(int Value);

    private static IHost Build(Action<AzureStorageOptions> configure)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddAzureStorage(configure).AddRecords(options => options.MaxConflictRetries = 7);
        return builder.Build();
    }

    [Fact]
    public async Task A_host_with_azure_storage_and_the_grain_runtime_starts_creates_its_containers_and_runs_a_grain_command()
    {
        using var host = Build(options => (options.ConnectionString, options.ContainerPrefix) = (azurite.ConnectionString, _scope.Prefix));

        await host.StartAsync();
        var runtime = host.Services.GetRequiredService<Records>();
        var id = new StateKey("counter", "acme", "c1");
        var value = await runtime.ExecuteAsync<Counter, int>(id, c => Outcome<Counter, int>.Write(new Counter((c.State?.Value ?? 0) + 1), (c.State?.Value ?? 0) + 1));
        await host.StopAsync();

        Assert.Equal(1, value);
        Assert.IsType<TableGrainStateStore>(runtime.Store);
        Assert.IsType<BlobArtifactStore>(host.Services.GetRequiredService<IArtifactStore>());
        var blobs = azurite.CreateBlobService();
        foreach (var suffix in new[] { "state", "artifacts" })
            Assert.True(await blobs.GetBlobContainerClient($"{_scope.Prefix}-{suffix}").ExistsAsync());
        Assert.True((await new TableServiceClient(azurite.ConnectionString).GetTableClient(AzureStorageBackend.TableName(_scope.Prefix, "state")).GetEntityIfExistsAsync<TableEntity>("p", "r")) is { HasValue: false });
    }

    [Theory]
    [InlineData("", "AzureStorage:ConnectionString is not set")]
    [InlineData("BlobEndpoint=https://acct.blob.core.windows.net;TableEndpoint=https://acct.table.core.windows.net", "AzureStorage:ConnectionString has neither AccountKey nor SharedAccessSignature")]
    [InlineData("AccountKey=abc", "AzureStorage:ConnectionString is not a storage connection string the Azure SDK accepts")]
    [InlineData("UseDevelopmentStorage=true;garbage", "AzureStorage:ConnectionString is not a storage connection string the Azure SDK accepts")]
    [InlineData("BlobEndpoint=http://127.0.0.1:9/devstoreaccount1;SharedAccessSignature=sv=2021-08-06&ss=b&sig=abc", "AzureStorage:ConnectionString names no table service")]
    public async Task A_host_with_a_bad_connection_string_fails_to_start_with_the_setting_named(string connectionString, string expected)
    {
        using var host = Build(options => options.ConnectionString = connectionString);

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(expected, error.Message);
    }

    [Theory]
    [InlineData("UPPER")]
    [InlineData("ab")]
    [InlineData("double--hyphen")]
    [InlineData("trailing-")]
    [InlineData("a-prefix-that-is-far-too-long-for-queues")]
    public async Task A_host_with_an_unusable_container_prefix_fails_to_start_with_the_setting_named(string prefix)
    {
        using var host = Build(options => (options.ConnectionString, options.ContainerPrefix) = ("UseDevelopmentStorage=true", prefix));

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("AzureStorage:ContainerPrefix", error.Message);
    }

    [Fact]
    public async Task A_host_with_a_wrong_account_key_fails_to_start_saying_the_credentials_were_refused()
    {
        var wrongKey = azurite.ConnectionString.Replace(AzuriteServer.DevelopmentAccountKey, Convert.ToBase64String(new byte[64]), StringComparison.Ordinal);
        using var host = Build(options => (options.ConnectionString, options.ContainerPrefix) = (wrongKey, _scope.Prefix));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => host.StartAsync());

        Assert.Contains("refused the credentials (403", error.Message);
        Assert.Contains("AzureStorage:ConnectionString", error.Message);
    }

    [Fact]
    public async Task A_host_whose_account_cannot_be_reached_fails_to_start_saying_so()
    {
        var nobody = AzuriteServer.FreePort();
        using var host = Build(options =>
        {
            options.ConnectionString = AzuriteServer.ForDevelopmentStorage(nobody, nobody, nobody);
            options.ContainerPrefix = _scope.Prefix;
            options.MaxRetries = 0;
        });

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => host.StartAsync());

        Assert.Contains("could not be reached", error.Message);
        Assert.Contains($"127.0.0.1:{nobody}", error.Message);
    }

    [Fact]
    public void The_sdk_parses_development_storage_and_explicit_endpoints_and_the_prefix_names_the_table()
    {
        var development = new AzureStorageBackend(new AzureStorageOptions { ConnectionString = "UseDevelopmentStorage=true", ContainerPrefix = "obatch-prod" });
        var explicitEndpoints = _scope.Open();

        Assert.Equal("http://127.0.0.1:10000/devstoreaccount1", development.BlobService.Uri.ToString().TrimEnd('/'));
        Assert.Equal("http://127.0.0.1:10002/devstoreaccount1", development.TableService.Uri.ToString().TrimEnd('/'));
        Assert.Equal("obatch-prod-artifacts", development.Artifacts.Name);
        Assert.Equal("obatchprodstate", development.State.Name);
        Assert.Equal($"http://127.0.0.1:{azurite.Server.TablePort}/devstoreaccount1", explicitEndpoints.TableService.Uri.ToString().TrimEnd('/'));
    }
}
