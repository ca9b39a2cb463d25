using System.Net;
using System.Text.Json;
using OrleansBatch.Api.Tests.Support;
using OrleansBatch.Security.Tests.Support;
using static OrleansBatch.Security.Tests.Support.SecurityGateway;

namespace OrleansBatch.Security.Tests.Jobs;

/// <summary>
/// Invoke requests that used to be a 500, to be accepted and fail later, or to be silently rewritten: each is now a
/// 4xx with a stable code, and no job is created.
/// </summary>
[Collection(SecurityGateway.Name)]
public sealed class InvokeAttackTests(GatewayFixture gateway)
{
    private static string Body(string upload, object? output = null) =>
        JsonSerializer.Serialize(new { input = new { type = "uri_folder", path = upload }, output });

    [Fact]
    public async Task A_data_asset_version_beyond_int_is_400()
    {
        var (tenant, _) = await ScorerAsync(gateway);
        using var client = tenant.Contributor();

        var response = await client.PostAsync("/v1/endpoints/scorer/jobs", Json("""{"input":{"type":"uri_folder","path":"azureml:xyz:2147483648"}}"""));

        await Problem.AssertAsync(response, HttpStatusCode.BadRequest, "ValidationFailed", "input.path");
        await AssertNoJobsAsync(client);
    }

    [Theory]
    [InlineData("azureml:cancer:2147483648")]
    [InlineData("cancer:99999999999999999999")]
    public async Task A_model_version_beyond_int_is_400(string model)
    {
        var (tenant, _) = await ScorerAsync(gateway);
        using var client = tenant.Contributor();

        var response = await client.PutAsync("/v1/endpoints/scorer/deployments/green", Json(JsonSerializer.Serialize(new { model })));

        await Problem.AssertAsync(response, HttpStatusCode.BadRequest, "ValidationFailed", "model");
        await Problem.AssertAsync(await client.GetAsync("/v1/endpoints/scorer/deployments/green"), HttpStatusCode.NotFound, "DeploymentNotFound");
    }

    [Theory]
    [InlineData("out\u0000put")]
    [InlineData("out\r\nINFO forged log line")]
    [InlineData("scores\nrun")]
    public async Task Control_characters_in_output_path_are_400(string path)
    {
        var (tenant, upload) = await ScorerAsync(gateway);
        using var client = tenant.Contributor();

        var response = await client.PostAsync("/v1/endpoints/scorer/jobs", Json(Body(upload, new { path })));

        await Problem.AssertAsync(response, HttpStatusCode.BadRequest, "ValidationFailed", "output.path");
        await AssertNoJobsAsync(client);
    }

    [Theory]
    [InlineData("pred\u0000.csv")]
    [InlineData("pred\r\n.csv")]
    [InlineData("..")]
    public async Task Control_characters_or_dots_in_output_file_name_are_400(string fileName)
    {
        var (tenant, upload) = await ScorerAsync(gateway);
        using var client = tenant.Contributor();

        var response = await client.PostAsync("/v1/endpoints/scorer/jobs", Json(Body(upload, new { path = "scores", file_name = fileName })));

        await Problem.AssertAsync(response, HttpStatusCode.BadRequest, "ValidationFailed", "output.file_name");
        await AssertNoJobsAsync(client);
    }

    [Theory]
    [InlineData("/data/x.csv\\u0000")]
    [InlineData("upload://abc/\\r\\nINFO forged log line")]
    public async Task A_data_asset_path_with_control_characters_is_400_and_no_version_is_made(string path)
    {
        var tenant = await gateway.CreateTenantAsync("data");
        using var client = tenant.Contributor();

        var response = await client.PostAsync("/v1/data/rows/versions", Json($$"""{"type":"uri_file","path":"{{path}}"}"""));

        await Problem.AssertAsync(response, HttpStatusCode.BadRequest, "ValidationFailed", "path");
        await Problem.AssertAsync(await client.GetAsync("/v1/data/rows/versions/latest"), HttpStatusCode.NotFound, "DataNotFound");
    }

    [Fact]
    public async Task A_300_character_file_name_is_refused_at_invoke()
    {
        var (tenant, upload) = await ScorerAsync(gateway);
        using var client = tenant.Contributor();

        var response = await client.PostAsync("/v1/endpoints/scorer/jobs", Json(Body(upload, new { path = "scores", file_name = new string('a', 296) + ".csv" })));

        await Problem.AssertAsync(response, HttpStatusCode.BadRequest, "ValidationFailed", "output.file_name");
        await AssertNoJobsAsync(client);
    }

    [Theory]
    [InlineData("/etc")]
    [InlineData("file:///etc")]
    [InlineData("/tmp/elsewhere")]
    public async Task An_absolute_local_output_path_is_400_OutputNotAllowed_not_rerooted(string path)
    {
        var (tenant, upload) = await ScorerAsync(gateway);
        using var client = tenant.Contributor();

        var response = await client.PostAsync("/v1/endpoints/scorer/jobs", Json(Body(upload, new { path })));

        var problem = await Problem.AssertAsync(response, HttpStatusCode.BadRequest, "OutputNotAllowed", "output.path");
        Assert.DoesNotContain(gateway.DataDirectory, problem.GetRawText(), StringComparison.Ordinal);
        await AssertNoJobsAsync(client);
    }

    [Fact]
    public async Task An_idempotency_key_reused_with_another_body_is_422_and_the_same_body_returns_the_first_job()
    {
        var (tenant, upload) = await ScorerAsync(gateway);
        using var client = tenant.Contributor();
        var key = Guid.NewGuid().ToString("N");

        var first = await Problem.JsonAsync(await SendAsync(client, key, Body(upload, new { path = "a" })), HttpStatusCode.Accepted);
        var again = await Problem.JsonAsync(await SendAsync(client, key, Body(upload, new { path = "a" })), HttpStatusCode.Accepted);
        var other = await SendAsync(client, key, Body(upload, new { path = "b" }));

        Assert.Equal(first.GetProperty("name").GetString(), again.GetProperty("name").GetString());
        await Problem.AssertAsync(other, (HttpStatusCode)422, "IdempotencyKeyReused");
        var jobs = (await (await client.GetAsync("/v1/jobs")).ReadJsonAsync()).GetProperty("value");
        Assert.Equal(1, jobs.GetArrayLength());
    }

    [Theory]
    [InlineData("!!!")]
    [InlineData("%%%")]
    [InlineData("bm90LWEta2V5")]
    public async Task A_forged_continuation_token_is_400(string token)
    {
        var tenant = await gateway.CreateTenantAsync("cont");
        using var client = tenant.Reader();

        var response = await client.GetAsync($"/v1/jobs?continuation={Uri.EscapeDataString(token)}");

        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.OK, $"{(int)response.StatusCode}");
        if (response.StatusCode == HttpStatusCode.BadRequest)
            await Problem.AssertAsync(response, HttpStatusCode.BadRequest, "InvalidContinuation");
        else
            Assert.Empty((await response.ReadJsonAsync()).GetProperty("value").EnumerateArray());
    }

    [Fact]
    public async Task Not_base64_continuations_are_400_on_every_list()
    {
        var tenant = await gateway.CreateTenantAsync("cont");
        using var client = tenant.Reader();

        foreach (var route in new[] { "/v1/jobs", "/v1/endpoints", "/v1/models", "/v1/data", "/v1/endpoints/any-endpoint/jobs" })
            await Problem.AssertAsync(await client.GetAsync($"{route}?continuation=!!!"), HttpStatusCode.BadRequest, "InvalidContinuation");
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, string key, string body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/v1/endpoints/scorer/jobs") { Content = Json(body) };
        request.Headers.Add("Idempotency-Key", key);
        return await client.SendAsync(request);
    }

    private static async Task AssertNoJobsAsync(HttpClient client) =>
        Assert.Empty((await (await client.GetAsync("/v1/jobs")).ReadJsonAsync()).GetProperty("value").EnumerateArray());
}
