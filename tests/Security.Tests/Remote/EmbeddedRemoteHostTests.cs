using System.Net;
using System.Net.Http.Json;
using OrleansBatch.Api.Tests.Support;

namespace OrleansBatch.Security.Tests.Remote;

/// <summary>
/// The SSRF finding as first seen, on the embedded default (Local provider, no OBATCH_ALLOWED_HOSTS): every
/// remote https:// input was fetched. Now none is, in any spelling of loopback, and nothing connects.
/// </summary>
public sealed class EmbeddedRemoteHostTests(GatewayFixture gateway) : IClassFixture<GatewayFixture>
{
    [Theory]
    [InlineData("https://127.0.0.1:{port}/acct/data/x.csv?sv=2021-08-06&sig=abc")]
    [InlineData("https://[::1]:{port}/acct/data/x.csv?sv=2021-08-06&sig=abc")]
    [InlineData("https://localhost:{port}/data/x.csv?sv=2021-08-06&sig=abc")]
    [InlineData("https://2130706433:{port}/acct/data/x.csv?sv=2021-08-06&sig=abc")]
    [InlineData("https://0x7f.1:{port}/acct/data/x.csv")]
    public async Task A_loopback_https_input_is_InputNotAllowed_and_never_connected(string template)
    {
        using var target = new LoopbackListener(IPAddress.Loopback, IPAddress.IPv6Loopback);
        var tenant = await gateway.CreateTenantAsync("ssrf");
        await tenant.RegisterModelAsync("cancer");
        await tenant.CreateEndpointAsync("scorer");
        (await tenant.PutDeploymentAsync("scorer", "blue", new { model = "cancer:1" })).EnsureSuccessStatusCode();
        using var client = tenant.Contributor();

        using var response = await client.PostAsJsonAsync("/v1/endpoints/scorer/jobs", new { input = new { type = "uri_file", path = template.Replace("{port}", target.Port.ToString()) } });

        var problem = await Problem.AssertAsync(response, HttpStatusCode.BadRequest, "InputNotAllowed");
        Assert.DoesNotContain("sig=", problem.ToString(), StringComparison.Ordinal);
        Assert.Equal(0, target.Connections);
    }

    [Fact]
    public async Task A_data_asset_pointing_at_a_sas_url_shows_the_url_without_its_query()
    {
        var tenant = await gateway.CreateTenantAsync("sas");
        using var client = tenant.Contributor();
        const string Url = "https://acct.blob.core.windows.net/data/x.csv";

        using var created = await client.PostAsJsonAsync("/v1/data/patients/versions", new { type = "uri_file", path = Url + "?sv=2021-08-06&sp=rl&sig=c2VjcmV0" });
        var shown = await created.Content.ReadAsStringAsync() + await client.GetStringAsync("/v1/data/patients/versions/1") + await client.GetStringAsync("/v1/data/patients/versions");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Contains(Url, shown, StringComparison.Ordinal);
        Assert.DoesNotContain("sig=", shown, StringComparison.Ordinal);
        Assert.DoesNotContain("c2VjcmV0", shown, StringComparison.Ordinal);
    }
}
