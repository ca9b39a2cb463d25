using System.Net;
using System.Net.Http.Headers;
using System.Text;
using OrleansBatch.Api.Tests.Support;

namespace OrleansBatch.Security.Tests.Support;

/// <summary>One in-process gateway (the real one, with its embedded silo) shared by the security tests.</summary>
[CollectionDefinition(Name)]
public sealed class SecurityGateway : ICollectionFixture<GatewayFixture>
{
    public const string Name = "security gateway";

    /// <summary>A JSON body sent as it is written (no re-serialization), so malformed or duplicate keys reach the gateway.</summary>
    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    /// <summary>A YAML body.</summary>
    public static StringContent Yaml(string yaml)
    {
        var content = new StringContent(yaml, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/yaml");
        return content;
    }

    /// <summary>
    /// A tenant with model <c>cancer</c> (v1), endpoint <c>scorer</c> with deployment <c>blue</c>, and an upload of the sample
    /// CSV; returns the tenant and the upload path to use as input.
    /// </summary>
    public static async Task<(TestTenant Tenant, string Upload)> ScorerAsync(GatewayFixture gateway)
    {
        var tenant = await gateway.CreateTenantAsync("sec");
        await tenant.RegisterModelAsync("cancer");
        await tenant.CreateEndpointAsync("scorer");
        using (var put = await tenant.PutDeploymentAsync("scorer", "blue", new { model = "cancer:1" }))
            Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        using var client = tenant.Contributor();
        using var content = new MultipartFormDataContent
        {
            { new ByteArrayContent(File.ReadAllBytes(RepositoryPaths.Sample("breast-cancer", "data", "breast_cancer.csv"))), "file", "breast_cancer.csv" },
        };
        using var upload = await client.PostAsync("/v1/uploads", content);
        var body = await Problem.JsonAsync(upload, HttpStatusCode.Created);
        return (tenant, body.GetProperty("path").GetString()!);
    }
}
