using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace OrleansBatch.OrleansClient.Tests;

/// <summary>Bad settings stop the registration with a message that names the setting and says what to set.</summary>
public sealed class ClientOptionsTests
{
    [Theory]
    [InlineData(null, "Local", null, "Tenant is required")]
    [InlineData("_platform", "Local", null, "is not a tenant name")]
    [InlineData("contoso", "Redis", null, "Provider 'Redis' is not a provider")]
    [InlineData("contoso", "AzureStorage", null, "needs ConnectionString")]
    [InlineData("contoso", "Local", "0", "GatewayPort 0 is not a TCP port")]
    [InlineData("contoso", "Local", "http", "GatewayPort is not a TCP port")]
    public void A_bad_setting_fails_start_naming_it(string? tenant, string provider, string? port, string message)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { [OrleansBatchClientOptions.GatewayPortKey] = port });

        var e = Assert.Throws<OptionsValidationException>(() => builder.UseOrleansBatchClient(o =>
        {
            o.Tenant = tenant;
            o.Provider = provider;
        }));

        Assert.Contains(message, e.Message, StringComparison.Ordinal);
        Assert.StartsWith("OrleansBatchClientOptions.", e.Failures.Single(), StringComparison.Ordinal);
    }

    [Fact]
    public void Settings_come_from_configuration_and_the_delegate_has_the_last_word()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [OrleansBatchClientOptions.TenantKey] = "contoso",
            [OrleansBatchClientOptions.GatewayPortKey] = "31000",
            [OrleansBatchClientOptions.ClusterIdKey] = "prod",
        });
        OrleansBatchClientOptions? seen = null;

        builder.UseOrleansBatchClient(o =>
        {
            o.ClusterId = "staging";
            seen = o;
        });

        Assert.Equal(("contoso", 31000, "staging"), (seen!.Tenant, seen.GatewayPort, seen.ClusterId));
        Assert.Equal(new ClusterConnection(ClusterConnection.Local, "staging", 31000, null, "obatch"), seen.ToConnection());
    }

    [Fact]
    public async Task With_no_gateway_at_the_port_the_start_fails_after_the_connect_timeout_instead_of_hanging()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var unused = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.UseOrleansBatchClient(o =>
        {
            o.Tenant = "contoso";
            o.GatewayPort = unused;
            o.ConnectTimeout = TimeSpan.FromSeconds(2);
        });
        using var host = builder.Build();

        var e = await Assert.ThrowsAnyAsync<Exception>(() => host.StartAsync());

        Assert.IsNotType<OperationCanceledException>(e, exactMatch: false);
        Assert.Contains("gateway", e.Message, StringComparison.OrdinalIgnoreCase);
    }
}
