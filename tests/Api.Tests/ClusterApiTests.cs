using System.Net;
using Microsoft.Extensions.DependencyInjection;
using OrleansBatch.Api.Tests.Support;
using OrleansBatch.Grains.Providers;

namespace OrleansBatch.Api.Tests;

public sealed class ClusterApiTests(GatewayFixture gateway) : IClassFixture<GatewayFixture>
{
    [Fact]
    public async Task A_silo_whose_heartbeat_is_old_is_reported_dead()
    {
        using var admin = gateway.Admin();
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/healthz")).StatusCode); // host started
        var membership = gateway.Services.GetRequiredService<IMembershipStore>();
        var longAgo = DateTimeOffset.UtcNow.AddMinutes(-10);
        await membership.UpsertAsync(new SiloInfo("gone-silo", "http://10.0.0.9:80", SiloStatus.Active, longAgo, longAgo, 3));

        var cluster = await Problem.JsonAsync(await admin.GetAsync("/v1/cluster"), HttpStatusCode.OK);

        var silos = cluster.GetProperty("value").EnumerateArray().ToDictionary(s => s.GetProperty("id").GetString()!, s => s.GetProperty("status").GetString());
        Assert.Equal("Dead", silos["gone-silo"]);
        Assert.Single(silos.Values, s => s == "Active");
    }
}
