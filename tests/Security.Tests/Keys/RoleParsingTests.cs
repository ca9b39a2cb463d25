using System.Net;
using System.Net.Http.Json;
using OrleansBatch.Api.Tests.Support;
using OrleansBatch.Security.Tests.Support;
using static OrleansBatch.Security.Tests.Support.SecurityGateway;

namespace OrleansBatch.Security.Tests.Keys;

/// <summary><c>{"role":"Reader, Contributor"}</c> made an admin key (enum flags 1|2 = 3). A role is now exactly one name.</summary>
[Collection(SecurityGateway.Name)]
public sealed class RoleParsingTests(GatewayFixture gateway)
{
    [Theory]
    [InlineData("Reader, Contributor")]
    [InlineData("reader,contributor")]
    [InlineData("3")]
    [InlineData("Admin | Reader")]
    [InlineData("")]
    [InlineData("owner")]
    public async Task Anything_but_one_role_name_is_400_and_issues_no_key(string role)
    {
        var tenant = await gateway.CreateTenantAsync("role");
        using var admin = gateway.Admin();
        var before = await KeyCountAsync(admin, tenant.Name);

        var response = await admin.PostAsJsonAsync($"/v1/tenants/{tenant.Name}/keys", new { role });

        await Problem.AssertAsync(response, HttpStatusCode.BadRequest, "ValidationFailed", "role");
        Assert.Equal(before, await KeyCountAsync(admin, tenant.Name));
    }

    [Fact]
    public async Task A_key_asked_for_as_a_reader_cannot_manage_keys()
    {
        var tenant = await gateway.CreateTenantAsync("role");
        using var admin = gateway.Admin();
        var issued = await Problem.JsonAsync(await admin.PostAsJsonAsync($"/v1/tenants/{tenant.Name}/keys", new { role = " Reader " }), HttpStatusCode.Created);
        Assert.Equal("reader", issued.GetProperty("role").GetString());
        using var reader = gateway.WithKey(issued.GetProperty("key").GetString()!);

        await Problem.AssertAsync(await reader.PostAsJsonAsync($"/v1/tenants/{tenant.Name}/keys", new { role = "admin" }), HttpStatusCode.Forbidden, "Forbidden");
        await Problem.AssertAsync(await reader.PutAsync("/v1/endpoints/nope", Json("{}")), HttpStatusCode.Forbidden, "Forbidden");
    }

    private static async Task<int> KeyCountAsync(HttpClient admin, string tenant) =>
        (await (await admin.GetAsync($"/v1/tenants/{tenant}/keys")).ReadJsonAsync()).GetProperty("value").GetArrayLength();
}
