using System.Net;
using System.Text.Json;
using OrleansBatch.Api.Tests.Support;

namespace OrleansBatch.Cli.Tests;

/// <summary>The gateway's own API reference: the OpenAPI document with real request and response schemas, and its UI at /openapi.</summary>
public sealed class OpenApiTests(GatewayFixture gateway) : IClassFixture<GatewayFixture>
{
    [Fact]
    public async Task The_document_describes_invoke_and_the_job_it_answers()
    {
        using var client = gateway.CreateClient();
        using var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));
        var invoke = document.RootElement.GetProperty("paths").GetProperty("/v1/endpoints/{endpoint}/jobs").GetProperty("post");
        Assert.Equal("#/components/schemas/InvokeRequest", invoke.GetProperty("requestBody").GetProperty("content").GetProperty("application/yaml").GetProperty("schema").GetProperty("$ref").GetString());
        Assert.Equal("#/components/schemas/JobResponse", invoke.GetProperty("responses").GetProperty("202").GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString());
        Assert.True(invoke.GetProperty("responses").GetProperty("400").GetProperty("content").TryGetProperty("application/problem+json", out _));

        var schemas = document.RootElement.GetProperty("components").GetProperty("schemas");
        var invokeBody = schemas.GetProperty("InvokeRequest").GetProperty("properties");
        Assert.All(new[] { "deployment_name", "input", "inputs", "output", "settings", "output_policy" }, key => Assert.True(invokeBody.TryGetProperty(key, out _), key));
        var job = schemas.GetProperty("JobResponse").GetProperty("properties");
        Assert.All(new[] { "name", "status", "inputs", "output", "settings", "progress", "error" }, key => Assert.True(job.TryGetProperty(key, out _), key));
        Assert.True(schemas.GetProperty("DeploymentRequest").GetProperty("properties").TryGetProperty("settings", out _));
    }

    [Fact]
    public async Task The_reference_ui_is_served_at_openapi_without_a_key()
    {
        using var client = gateway.CreateClient();
        using var page = await client.GetAsync("/openapi"); // redirected to /openapi/, the UI of document v1
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"url\":\"openapi/v1.json\"", await page.Content.ReadAsStringAsync());
        using var script = await client.GetAsync("/openapi/scalar.js"); // from the package, no CDN
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
    }
}
