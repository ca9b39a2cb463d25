using System.Net;
using OrleansBatch.Api.Tests.Support;

namespace OrleansBatch.Api.Tests;

public sealed class ClusterApiTests(GatewayFixture gateway) : IClassFixture<GatewayFixture>
{
    [Fact]
    public async Task The_embedded_silo_is_listed_from_orleans_membership_and_only_the_platform_admin_sees_it()
    {
        using var admin = gateway.Admin();
        var cluster = await Problem.JsonAsync(await admin.GetAsync("/v1/cluster"), HttpStatusCode.OK);

        var silo = Assert.Single(cluster.GetProperty("value").EnumerateArray());
        Assert.Equal("Active", silo.GetProperty("status").GetString());
        // Orleans' silo address: ip:port@generation.
        Assert.Matches(@"^\d+\.\d+\.\d+\.\d+:\d+@\d+$", silo.GetProperty("address").GetString());
        Assert.True(silo.GetProperty("last_heartbeat").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddMinutes(-5));
        Assert.Equal(0, silo.GetProperty("active_mini_batches").GetInt32());

        using var tenantAdmin = (await gateway.CreateTenantAsync()).Admin();
        Assert.Equal(HttpStatusCode.Forbidden, (await tenantAdmin.GetAsync("/v1/cluster")).StatusCode);
    }
}
