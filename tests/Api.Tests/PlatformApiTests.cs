using System.Net;
using System.Net.Http.Json;
using OrleansBatch.Api.Tests.Support;

namespace OrleansBatch.Api.Tests;

public sealed class PlatformApiTests(GatewayFixture gateway) : IClassFixture<GatewayFixture>
{
    [Fact]
    public async Task Tenant_is_created_once_with_a_lower_case_name()
    {
        using var admin = gateway.Admin();
        var name = "Acme-" + Guid.NewGuid().ToString("N")[..8];

        var created = await Problem.JsonAsync(await admin.PostAsJsonAsync("/v1/tenants", new { name }), HttpStatusCode.Created);
        var again = await admin.PostAsJsonAsync("/v1/tenants", new { name = name.ToUpperInvariant() });

        Assert.Equal(name.ToLowerInvariant(), created.GetProperty("name").GetString());
        Assert.Equal(1, created.GetProperty("version").GetInt32());
        await Problem.AssertAsync(again, HttpStatusCode.Conflict, "TenantExists");
        var read = await Problem.JsonAsync(await admin.GetAsync($"/v1/tenants/{name}"), HttpStatusCode.OK);
        Assert.Equal(name.ToLowerInvariant(), read.GetProperty("name").GetString());
    }

    [Theory]
    [InlineData("ab")]
    [InlineData("1abc")]
    [InlineData("abc-")]
    [InlineData("a_bc")]
    [InlineData("abcdefghijabcdefghijabcdefghijabc")]
    public async Task Invalid_tenant_names_are_400_InvalidName(string name)
    {
        using var admin = gateway.Admin();
        await Problem.AssertAsync(await admin.PostAsJsonAsync("/v1/tenants", new { name }), HttpStatusCode.BadRequest, "InvalidName", "name");
    }

    [Fact]
    public async Task Requests_without_a_key_or_with_a_wrong_key_are_401()
    {
        using var anonymous = gateway.CreateClient();
        using var wrong = gateway.WithKey("obk_acme_0123456789abcdef_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
        using var garbage = gateway.WithKey("not-a-key");

        await Problem.AssertAsync(await anonymous.GetAsync("/v1/endpoints"), HttpStatusCode.Unauthorized, "Unauthorized");
        await Problem.AssertAsync(await anonymous.PostAsJsonAsync("/v1/tenants", new { name = "nobody" }), HttpStatusCode.Unauthorized, "Unauthorized");
        await Problem.AssertAsync(await wrong.GetAsync("/v1/endpoints"), HttpStatusCode.Unauthorized, "Unauthorized");
        await Problem.AssertAsync(await garbage.GetAsync("/v1/models"), HttpStatusCode.Unauthorized, "Unauthorized");
    }

    [Fact]
    public async Task Api_key_header_works_like_bearer()
    {
        var tenant = await gateway.CreateTenantAsync();
        using var client = gateway.CreateClient();
        client.DefaultRequestHeaders.Add("api-key", tenant.ReaderKey);

        var response = await client.GetAsync("/v1/endpoints");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_revoked_key_stops_working_at_once()
    {
        var tenant = await gateway.CreateTenantAsync();
        using var admin = gateway.Admin();
        var issued = await Problem.JsonAsync(await admin.PostAsJsonAsync($"/v1/tenants/{tenant.Name}/keys", new { role = "reader" }), HttpStatusCode.Created);
        var key = issued.GetProperty("key").GetString()!;
        using var client = gateway.WithKey(key);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/v1/endpoints")).StatusCode);

        var revoked = await admin.DeleteAsync($"/v1/tenants/{tenant.Name}/keys/{issued.GetProperty("id").GetString()}");

        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        await Problem.AssertAsync(await client.GetAsync("/v1/endpoints"), HttpStatusCode.Unauthorized, "Unauthorized");
        var listed = await Problem.JsonAsync(await admin.GetAsync($"/v1/tenants/{tenant.Name}/keys"), HttpStatusCode.OK);
        var entry = listed.GetProperty("value").EnumerateArray().Single(k => k.GetProperty("id").GetString() == issued.GetProperty("id").GetString());
        Assert.False(entry.TryGetProperty("key", out _)); // shown once only
        Assert.True(entry.TryGetProperty("revoked_at", out _));
    }

    [Fact]
    public async Task Tenant_admin_manages_its_own_keys_only()
    {
        var tenant = await gateway.CreateTenantAsync();
        var other = await gateway.CreateTenantAsync();
        using var admin = tenant.Admin();
        using var contributor = tenant.Contributor();

        var own = await admin.PostAsJsonAsync($"/v1/tenants/{tenant.Name}/keys", new { role = "contributor" });
        var foreign = await admin.PostAsJsonAsync($"/v1/tenants/{other.Name}/keys", new { role = "admin" });
        var tooLow = await contributor.PostAsJsonAsync($"/v1/tenants/{tenant.Name}/keys", new { role = "admin" });
        var badRole = await admin.PostAsJsonAsync($"/v1/tenants/{tenant.Name}/keys", new { role = "owner" });

        Assert.Equal(HttpStatusCode.Created, own.StatusCode);
        await Problem.AssertAsync(foreign, HttpStatusCode.NotFound, "TenantNotFound");
        await Problem.AssertAsync(tooLow, HttpStatusCode.Forbidden, "Forbidden");
        await Problem.AssertAsync(badRole, HttpStatusCode.BadRequest, "ValidationFailed", "role");
    }

    [Fact]
    public async Task Tenant_keys_cannot_manage_tenants_and_the_platform_key_has_no_tenant()
    {
        var tenant = await gateway.CreateTenantAsync();
        using var tenantAdmin = tenant.Admin();
        using var platform = gateway.Admin();

        await Problem.AssertAsync(await tenantAdmin.PostAsJsonAsync("/v1/tenants", new { name = "sneaky" }), HttpStatusCode.Forbidden, "Forbidden");
        await Problem.AssertAsync(await tenantAdmin.GetAsync("/v1/cluster"), HttpStatusCode.Forbidden, "Forbidden");
        await Problem.AssertAsync(await platform.GetAsync("/v1/endpoints"), HttpStatusCode.Forbidden, "Forbidden");
    }

    [Fact]
    public async Task Cluster_lists_the_embedded_silo_as_active()
    {
        using var admin = gateway.Admin();

        var cluster = await Problem.JsonAsync(await admin.GetAsync("/v1/cluster"), HttpStatusCode.OK);

        var silo = Assert.Single(cluster.GetProperty("value").EnumerateArray());
        Assert.Equal("Active", silo.GetProperty("status").GetString());
        Assert.EndsWith("Z", silo.GetProperty("last_heartbeat").GetString());
        Assert.Equal(0, silo.GetProperty("active_mini_batches").GetInt32());
    }

    [Fact]
    public async Task Health_and_openapi_are_served()
    {
        await gateway.CreateTenantAsync();
        using var client = gateway.CreateClient();

        var health = await client.GetAsync("/healthz");
        var openApi = await Problem.JsonAsync(await client.GetAsync("/openapi/v1.json"), HttpStatusCode.OK);

        // /metrics (OpenTelemetry's Prometheus exporter) is checked in Telemetry/MetricsEndpointTests.
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.True(openApi.GetProperty("paths").TryGetProperty("/v1/endpoints/{name}", out _));
    }

    [Fact]
    public async Task Unknown_routes_answer_problem_json()
    {
        var tenant = await gateway.CreateTenantAsync();
        using var client = tenant.Reader();

        var response = await client.GetAsync("/v1/nothing-here");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
