using System.Net;
using System.Text.Json;
using OrleansBatch.Api.Tests.Support;
using OrleansBatch.Security.Tests.Support;
using static OrleansBatch.Security.Tests.Support.SecurityGateway;

namespace OrleansBatch.Security.Tests.Limits;

/// <summary>Uploads and model versions could not be deleted; now they can, by their owner only, and a pinned model version stays.</summary>
[Collection(SecurityGateway.Name)]
public sealed class HousekeepingTests(GatewayFixture gateway)
{
    [Fact]
    public async Task An_upload_is_deleted_by_its_tenant_only_and_then_unusable()
    {
        var (owner, upload) = await ScorerAsync(gateway);
        var stranger = await gateway.CreateTenantAsync("other");
        var id = upload["upload://".Length..].TrimEnd('/');
        using var client = owner.Contributor();
        using var other = stranger.Contributor();
        using var reader = owner.Reader();

        await Problem.AssertAsync(await other.DeleteAsync($"/v1/uploads/{id}"), HttpStatusCode.NotFound, "UploadNotFound");
        await Problem.AssertAsync(await reader.DeleteAsync($"/v1/uploads/{id}"), HttpStatusCode.Forbidden, "Forbidden");
        await Problem.AssertAsync(await client.DeleteAsync("/v1/uploads/..%2F..%2Fmodels"), HttpStatusCode.NotFound, "UploadNotFound");
        Assert.True(Directory.Exists(Path.Combine(gateway.DataDirectory, "files", "tenants", owner.Name, "uploads", id)));

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/v1/uploads/{id}")).StatusCode);

        await Problem.AssertAsync(await client.DeleteAsync($"/v1/uploads/{id}"), HttpStatusCode.NotFound, "UploadNotFound");
        var invoke = await client.PostAsync("/v1/endpoints/scorer/jobs", Json(JsonSerializer.Serialize(new { input = new { type = "uri_folder", path = upload } })));
        await Problem.AssertAsync(invoke, HttpStatusCode.BadRequest, "InputNotFound");
    }

    [Fact]
    public async Task A_model_version_pinned_by_a_deployment_is_409_ModelInUse_and_an_unused_one_is_deleted()
    {
        var (tenant, _) = await ScorerAsync(gateway); // blue pins cancer:1
        await tenant.RegisterModelAsync("cancer");    // cancer:2, unused
        using var client = tenant.Contributor();

        var pinned = await Problem.AssertAsync(await client.DeleteAsync("/v1/models/cancer/versions/1"), HttpStatusCode.Conflict, "ModelInUse");
        Assert.Contains("scorer/blue", pinned.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await Problem.AssertAsync(await client.DeleteAsync("/v1/models/cancer/versions/latest"), HttpStatusCode.BadRequest, "ValidationFailed", "version");

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync("/v1/models/cancer/versions/2")).StatusCode);

        await Problem.AssertAsync(await client.GetAsync("/v1/models/cancer/versions/2"), HttpStatusCode.NotFound, "ModelNotFound");
        await Problem.JsonAsync(await client.GetAsync("/v1/models/cancer/versions/1"), HttpStatusCode.OK);
        Assert.False(Directory.Exists(Path.Combine(gateway.DataDirectory, "files", "tenants", tenant.Name, "models", "cancer", "2")) &&
            Directory.EnumerateFiles(Path.Combine(gateway.DataDirectory, "files", "tenants", tenant.Name, "models", "cancer", "2")).Any());
        await Problem.AssertAsync(await client.DeleteAsync("/v1/models/cancer/versions/2"), HttpStatusCode.NotFound, "ModelNotFound");
    }
}
