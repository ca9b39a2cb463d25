using Microsoft.Extensions.DependencyInjection;
using OrleansBatch.Client.Models;

namespace OrleansBatch.Client.Tests;

public class DependencyInjectionTests
{
    [Fact]
    public async Task AddOrleansBatchClient_resolves_a_client_that_reaches_the_gateway()
    {
        await using var gateway = TestGateway.Start();
        var services = new ServiceCollection();
        services.AddOrleansBatchClient(gateway.Endpoint, TestGateway.AdminKey, options =>
        {
            options.Transport = gateway.Options().Transport;
            options.ApplicationId = "client-tests/1.0";
            options.MaxRetries = 1;
        });
        await using var provider = services.BuildServiceProvider();

        var client = provider.GetRequiredService<OrleansBatchClient>();
        var tenant = await client.CreateTenantAsync("fabrikam");
        var key = await client.CreateTenantKeyAsync("fabrikam", ApiKeyRole.Reader);

        Assert.Equal(gateway.Endpoint, client.Endpoint);
        Assert.Equal("fabrikam", tenant.Name);
        Assert.Equal(ApiKeyRole.Reader, key.Role);
    }

    [Fact]
    public async Task Invalid_options_fail_when_the_client_is_resolved_with_the_property_named()
    {
        var services = new ServiceCollection();
        services.AddOrleansBatchClient(new Uri("http://localhost/"), "key", options => options.NetworkTimeout = TimeSpan.Zero);
        await using var provider = services.BuildServiceProvider();

        var error = Assert.ThrowsAny<ArgumentException>(() => provider.GetRequiredService<OrleansBatchClient>());

        Assert.Equal("NetworkTimeout", error.ParamName);
    }
}
