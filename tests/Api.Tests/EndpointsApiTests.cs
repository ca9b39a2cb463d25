using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using OrleansBatch.Api.Tests.Support;

namespace OrleansBatch.Api.Tests;

public sealed class EndpointsApiTests(GatewayFixture gateway) : IClassFixture<GatewayFixture>
{
    [Fact]
    public async Task Put_creates_then_overwrites_and_get_shows_scoring_uri_and_etag()
    {
        var tenant = await gateway.CreateTenantAsync();
        using var client = tenant.Contributor();

        var created = await client.PutAsJsonAsync("/v1/endpoints/Scoring", new { description = "first", tags = new { a = "1" } });
        var unchanged = await client.PutAsJsonAsync("/v1/endpoints/scoring", new { description = "first", tags = new { a = "1" } });
        var overwritten = await client.PutAsJsonAsync("/v1/endpoints/scoring", new { description = "second" });

        var body = await Problem.JsonAsync(created, HttpStatusCode.Created);
        Assert.Equal("\"1\"", created.Headers.ETag?.Tag);
        Assert.Equal("scoring", body.GetProperty("name").GetString());
        Assert.Equal("key", body.GetProperty("auth_mode").GetString());
        Assert.Equal(1, (await Problem.JsonAsync(unchanged, HttpStatusCode.OK)).GetProperty("version").GetInt32());
        var second = await Problem.JsonAsync(overwritten, HttpStatusCode.OK);
        Assert.Equal(2, second.GetProperty("version").GetInt32());
        Assert.Empty(second.GetProperty("tags").EnumerateObject());

        using var reader = tenant.Reader();
        var read = await reader.GetAsync("/v1/endpoints/SCORING");
        var endpoint = await Problem.JsonAsync(read, HttpStatusCode.OK);
        Assert.Equal("\"2\"", read.Headers.ETag?.Tag);
        Assert.Equal("http://localhost/v1/endpoints/scoring/jobs", endpoint.GetProperty("scoring_uri").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, endpoint.GetProperty("defaults").GetProperty("deployment_name").ValueKind);
        Assert.Equal(0, endpoint.GetProperty("deployments").GetArrayLength());
        Assert.EndsWith("Z", endpoint.GetProperty("created_at").GetString());
    }

    [Fact]
    public async Task Azure_endpoint_yaml_is_accepted_as_it_is()
    {
        var tenant = await gateway.CreateTenantAsync();
        using var client = tenant.Contributor();
        const string yaml = """
            $schema: https://azuremlschemas.azureedge.net/latest/batchEndpoint.schema.json
            name: heart-classifier
            description: A heart condition classifier for batch inference
            auth_mode: aad_token
            tags:
              stage: 2
              owner: "ml team"
            """;
        using var content = new StringContent(yaml, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/yaml");

        var endpoint = await Problem.JsonAsync(await client.PutAsync("/v1/endpoints/heart-classifier", content), HttpStatusCode.Created);

        Assert.Equal("aad_token", endpoint.GetProperty("auth_mode").GetString());
        Assert.Equal("2", endpoint.GetProperty("tags").GetProperty("stage").GetString());
        Assert.Equal("ml team", endpoint.GetProperty("tags").GetProperty("owner").GetString());
    }

    [Fact]
    public async Task Body_name_must_agree_with_the_route()
    {
        var tenant = await gateway.CreateTenantAsync();
        using var client = tenant.Contributor();

        var response = await client.PutAsJsonAsync("/v1/endpoints/alpha", new { name = "beta" });

        await Problem.AssertAsync(response, HttpStatusCode.BadRequest, "ValidationFailed", "name");
    }

    [Theory]
    [InlineData("ab")]
    [InlineData("-abc")]
    [InlineData("abc--")]
    [InlineData("9lives")]
    [InlineData("under_score")]
    public async Task Invalid_endpoint_names_are_400(string name)
    {
        var tenant = await gateway.CreateTenantAsync();
        using var client = tenant.Contributor();

        await Problem.AssertAsync(await client.PutAsJsonAsync($"/v1/endpoints/{name}", new { }), HttpStatusCode.BadRequest, "InvalidName", "name");
    }

    [Fact]
    public async Task List_pages_with_top_and_next_link()
    {
        var tenant = await gateway.CreateTenantAsync();
        foreach (var name in new[] { "ep-one", "ep-two", "ep-three" })
            await tenant.CreateEndpointAsync(name);
        using var reader = tenant.Reader();

        var first = await Problem.JsonAsync(await reader.GetAsync("/v1/endpoints?top=2"), HttpStatusCode.OK);
        var second = await Problem.JsonAsync(await reader.GetAsync(first.GetProperty("next_link").GetString()!), HttpStatusCode.OK);

        var names = first.GetProperty("value").EnumerateArray().Concat(second.GetProperty("value").EnumerateArray())
            .Select(e => e.GetProperty("name").GetString()).ToList();
        Assert.Equal(["ep-one", "ep-three", "ep-two"], names);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, second.GetProperty("next_link").ValueKind);
        await Problem.AssertAsync(await reader.GetAsync("/v1/endpoints?top=0"), HttpStatusCode.BadRequest, "ValidationFailed", "top");
        await Problem.AssertAsync(await reader.GetAsync("/v1/endpoints?continuation=%%%"), HttpStatusCode.BadRequest, "InvalidContinuation");
    }

    [Fact]
    public async Task Merge_patch_changes_only_what_it_names()
    {
        var tenant = await gateway.CreateTenantAsync();
        using var client = tenant.Contributor();
        (await client.PutAsJsonAsync("/v1/endpoints/patched", new { description = "keep", tags = new { a = "1", b = "2" } })).EnsureSuccessStatusCode();
        using var patch = new StringContent("""{"tags":{"a":null,"c":"3"}}""", Encoding.UTF8, "application/merge-patch+json");

        var patched = await Problem.JsonAsync(await client.PatchAsync("/v1/endpoints/patched", patch), HttpStatusCode.OK);

        Assert.Equal("keep", patched.GetProperty("description").GetString());
        Assert.Equal(["b", "c"], patched.GetProperty("tags").EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal(2, patched.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task Patch_to_an_unknown_default_deployment_is_404_DeploymentNotFound()
    {
        var tenant = await gateway.CreateTenantAsync();
        await tenant.CreateEndpointAsync("no-such");
        using var client = tenant.Contributor();

        var response = await client.PatchAsJsonAsync("/v1/endpoints/no-such", new { defaults = new { deployment_name = "ghost" } });

        await Problem.AssertAsync(response, HttpStatusCode.NotFound, "DeploymentNotFound");
    }

    [Fact]
    public async Task Patch_with_wrong_types_is_400_naming_the_field()
    {
        var tenant = await gateway.CreateTenantAsync();
        await tenant.CreateEndpointAsync("typed");
        using var client = tenant.Contributor();

        var response = await client.PatchAsJsonAsync("/v1/endpoints/typed", new { description = 5, defaults = "blue" });

        await Problem.AssertAsync(response, HttpStatusCode.BadRequest, "ValidationFailed", "description");
    }

    [Fact]
    public async Task Stale_if_match_is_412_on_put_patch_and_delete()
    {
        var tenant = await gateway.CreateTenantAsync();
        await tenant.CreateEndpointAsync("guarded");
        using var client = tenant.Contributor();
        (await client.PatchAsJsonAsync("/v1/endpoints/guarded", new { description = "v2" })).EnsureSuccessStatusCode();

        var put = new HttpRequestMessage(HttpMethod.Put, "/v1/endpoints/guarded") { Content = JsonContent.Create(new { description = "x" }) };
        put.Headers.IfMatch.Add(new EntityTagHeaderValue("\"1\""));
        var patch = new HttpRequestMessage(HttpMethod.Patch, "/v1/endpoints/guarded") { Content = JsonContent.Create(new { description = "x" }) };
        patch.Headers.IfMatch.Add(new EntityTagHeaderValue("\"1\""));
        var delete = new HttpRequestMessage(HttpMethod.Delete, "/v1/endpoints/guarded");
        delete.Headers.IfMatch.Add(new EntityTagHeaderValue("\"1\""));
        var current = new HttpRequestMessage(HttpMethod.Patch, "/v1/endpoints/guarded") { Content = JsonContent.Create(new { description = "v3" }) };
        current.Headers.IfMatch.Add(new EntityTagHeaderValue("\"2\""));

        await Problem.AssertAsync(await client.SendAsync(put), HttpStatusCode.PreconditionFailed, "PreconditionFailed");
        await Problem.AssertAsync(await client.SendAsync(patch), HttpStatusCode.PreconditionFailed, "PreconditionFailed");
        await Problem.AssertAsync(await client.SendAsync(delete), HttpStatusCode.PreconditionFailed, "PreconditionFailed");
        var ok = await client.SendAsync(current);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal("\"3\"", ok.Headers.ETag?.Tag);
    }

    [Fact]
    public async Task Concurrent_merge_patches_of_distinct_tags_are_all_kept()
    {
        var tenant = await gateway.CreateTenantAsync();
        await tenant.CreateEndpointAsync("busy");
        using var client = tenant.Contributor();

        var responses = await Task.WhenAll(Enumerable.Range(0, 24).Select(i =>
            client.PatchAsJsonAsync("/v1/endpoints/busy", new { tags = new Dictionary<string, string> { [$"tag{i}"] = i.ToString() } })));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var endpoint = await Problem.JsonAsync(await client.GetAsync("/v1/endpoints/busy"), HttpStatusCode.OK);
        Assert.Equal(24, endpoint.GetProperty("tags").EnumerateObject().Count());
        Assert.Equal(25, endpoint.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task Racing_writers_with_one_etag_exactly_one_wins()
    {
        var tenant = await gateway.CreateTenantAsync();
        await tenant.CreateEndpointAsync("raced");
        using var client = tenant.Contributor();

        var responses = await Task.WhenAll(Enumerable.Range(0, 12).Select(i =>
        {
            var request = new HttpRequestMessage(HttpMethod.Patch, "/v1/endpoints/raced") { Content = JsonContent.Create(new { description = $"writer {i}" }) };
            request.Headers.IfMatch.Add(new EntityTagHeaderValue("\"1\""));
            return client.SendAsync(request);
        }));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.Equal(11, responses.Count(r => r.StatusCode == HttpStatusCode.PreconditionFailed));
        Assert.Equal(2, (await Problem.JsonAsync(await client.GetAsync("/v1/endpoints/raced"), HttpStatusCode.OK)).GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task Readers_cannot_write_endpoints()
    {
        var tenant = await gateway.CreateTenantAsync();
        await tenant.CreateEndpointAsync("read-only");
        using var reader = tenant.Reader();

        await Problem.AssertAsync(await reader.PutAsJsonAsync("/v1/endpoints/read-only", new { }), HttpStatusCode.Forbidden, "Forbidden");
        await Problem.AssertAsync(await reader.PatchAsJsonAsync("/v1/endpoints/read-only", new { description = "x" }), HttpStatusCode.Forbidden, "Forbidden");
        await Problem.AssertAsync(await reader.DeleteAsync("/v1/endpoints/read-only"), HttpStatusCode.Forbidden, "Forbidden");
    }

    [Fact]
    public async Task Another_tenants_endpoint_is_404_for_every_verb()
    {
        var owner = await gateway.CreateTenantAsync();
        var stranger = await gateway.CreateTenantAsync();
        await owner.CreateEndpointAsync("private-ep");
        using var other = stranger.Admin();

        await Problem.AssertAsync(await other.GetAsync("/v1/endpoints/private-ep"), HttpStatusCode.NotFound, "EndpointNotFound");
        await Problem.AssertAsync(await other.PatchAsJsonAsync("/v1/endpoints/private-ep", new { description = "x" }), HttpStatusCode.NotFound, "EndpointNotFound");
        await Problem.AssertAsync(await other.DeleteAsync("/v1/endpoints/private-ep"), HttpStatusCode.NotFound, "EndpointNotFound");
        await Problem.AssertAsync(await other.GetAsync("/v1/endpoints/private-ep/deployments"), HttpStatusCode.NotFound, "EndpointNotFound");
        Assert.Equal(0, (await Problem.JsonAsync(await other.GetAsync("/v1/endpoints"), HttpStatusCode.OK)).GetProperty("value").GetArrayLength());
        using var ownerClient = owner.Reader();
        Assert.Equal(HttpStatusCode.OK, (await ownerClient.GetAsync("/v1/endpoints/private-ep")).StatusCode);
    }

    [Fact]
    public async Task Hostile_yaml_is_refused_without_harm()
    {
        var tenant = await gateway.CreateTenantAsync();
        using var client = tenant.Contributor();
        var deep = "a: " + new string('[', 200_000);
        var bomb = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x]\n");
        for (var i = 1; i < 10; i++)
            bomb.Append($"a{i}: &a{i} [*a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}]\n");

        var nested = await client.PutAsync("/v1/endpoints/hostile", new StringContent(deep, Encoding.UTF8, "application/yaml"));
        var expanded = await client.PutAsync("/v1/endpoints/hostile", new StringContent(bomb.ToString(), Encoding.UTF8, "application/yaml"));

        await Problem.AssertAsync(nested, HttpStatusCode.BadRequest, "InvalidYaml");
        await Problem.AssertAsync(expanded, HttpStatusCode.BadRequest, "InvalidYaml");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
    }

    [Fact]
    public async Task Bad_bodies_are_400_problems_not_500()
    {
        var tenant = await gateway.CreateTenantAsync();
        using var client = tenant.Contributor();

        var malformed = await client.PutAsync("/v1/endpoints/broken", new StringContent("{\"description\": ", Encoding.UTF8, "application/json"));
        var array = await client.PutAsync("/v1/endpoints/broken", new StringContent("[1,2]", Encoding.UTF8, "application/json"));
        var empty = await client.PutAsync("/v1/endpoints/broken", new StringContent("", Encoding.UTF8, "application/json"));
        var wrongType = await client.PutAsJsonAsync("/v1/endpoints/broken", new { tags = new[] { "a" } });
        var badYaml = await client.PutAsync("/v1/endpoints/broken", new StringContent("a: [1,\n", Encoding.UTF8, "application/yaml"));
        var badAuth = await client.PutAsJsonAsync("/v1/endpoints/broken", new { auth_mode = "password" });
        var huge = await client.PutAsync("/v1/endpoints/broken", new StringContent($"{{\"description\":\"{new string('x', 2 << 20)}\"}}", Encoding.UTF8, "application/json"));
        var badIfMatch = new HttpRequestMessage(HttpMethod.Put, "/v1/endpoints/broken") { Content = JsonContent.Create(new { }) };
        badIfMatch.Headers.TryAddWithoutValidation("If-Match", "\"abc\"");

        await Problem.AssertAsync(malformed, HttpStatusCode.BadRequest, "InvalidJson");
        await Problem.AssertAsync(array, HttpStatusCode.BadRequest, "ValidationFailed");
        await Problem.AssertAsync(empty, HttpStatusCode.BadRequest, "BodyRequired");
        await Problem.AssertAsync(wrongType, HttpStatusCode.BadRequest, "ValidationFailed", "tags");
        await Problem.AssertAsync(badYaml, HttpStatusCode.BadRequest, "InvalidYaml");
        await Problem.AssertAsync(badAuth, HttpStatusCode.BadRequest, "ValidationFailed", "auth_mode");
        await Problem.AssertAsync(huge, HttpStatusCode.RequestEntityTooLarge, "RequestTooLarge");
        await Problem.AssertAsync(await client.SendAsync(badIfMatch), HttpStatusCode.BadRequest, "InvalidIfMatch");
        await Problem.AssertAsync(await client.GetAsync("/v1/endpoints/broken"), HttpStatusCode.NotFound, "EndpointNotFound");
    }
}
