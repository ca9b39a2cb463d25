using OrleansBatch.Client.Models;

namespace OrleansBatch.Client.Tests;

/// <summary>The gateway's problem details arrive as <see cref="OrleansBatchRequestException"/> with status, code and field errors.</summary>
public class ErrorMappingTests
{
    [Fact]
    public async Task Unknown_resources_are_404_with_their_codes()
    {
        await using var gateway = TestGateway.Start();
        var client = await gateway.TenantClientAsync();
        await client.CreateOrUpdateEndpointAsync("scoring", new BatchEndpointDefinition());

        var endpoint = await Assert.ThrowsAsync<OrleansBatchRequestException>(() => client.GetEndpointAsync("missing"));
        var deployment = await Assert.ThrowsAsync<OrleansBatchRequestException>(() => client.SetDefaultDeploymentAsync("scoring", "missing"));

        Assert.Equal((404, "EndpointNotFound"), (endpoint.Status, endpoint.ErrorCode));
        Assert.Contains("missing", endpoint.Detail);
        Assert.Contains("ErrorCode: EndpointNotFound", endpoint.Message);
        Assert.Equal((404, "DeploymentNotFound"), (deployment.Status, deployment.ErrorCode));
    }

    [Fact]
    public async Task Invalid_settings_are_400_ValidationFailed_with_errors_per_field()
    {
        await using var gateway = TestGateway.Start();
        var client = await gateway.TenantClientAsync();
        await client.CreateModelVersionAsync("cancer", TestGateway.SampleModelPath);
        await client.CreateOrUpdateEndpointAsync("scoring", new BatchEndpointDefinition());

        var error = await Assert.ThrowsAsync<OrleansBatchRequestException>(() => client.CreateOrUpdateDeploymentAsync("scoring", "blue",
            new BatchDeploymentDefinition
            {
                Model = new ModelReference("cancer", 1),
                Settings = new DeploymentSettings { MiniBatchSize = MiniBatchSize.Parse("lots"), RetrySettings = new RetrySettings { MaxRetries = -1 } },
            }));

        Assert.Equal((400, "ValidationFailed"), (error.Status, error.ErrorCode));
        Assert.Contains(error.Errors.Keys, field => field.Contains("mini_batch_size", StringComparison.Ordinal));
        Assert.Contains(error.Errors.Keys, field => field.Contains("max_retries", StringComparison.Ordinal));
        Assert.All(error.Errors.Values, messages => Assert.NotEmpty(messages));
    }

    [Fact]
    public async Task A_stale_if_match_is_412_PreconditionFailed_and_changes_nothing()
    {
        await using var gateway = TestGateway.Start();
        var client = await gateway.TenantClientAsync();
        var first = await client.CreateOrUpdateEndpointAsync("scoring", new BatchEndpointDefinition { Description = "one" });
        await client.UpdateEndpointAsync("scoring", new BatchEndpointPatch { Description = "two" }, first.ETag);

        var update = await Assert.ThrowsAsync<OrleansBatchRequestException>(() =>
            client.UpdateEndpointAsync("scoring", new BatchEndpointPatch { Description = "three" }, first.ETag));
        var delete = await Assert.ThrowsAsync<OrleansBatchRequestException>(() => client.DeleteEndpointAsync("scoring", first.ETag));
        var current = await client.GetEndpointAsync("scoring");

        Assert.Equal((412, "PreconditionFailed"), (update.Status, update.ErrorCode));
        Assert.Equal((412, "PreconditionFailed"), (delete.Status, delete.ErrorCode));
        Assert.Equal(("two", 2L), (current.Description, current.Version));
    }

    [Fact]
    public async Task A_bad_key_is_401_and_a_reader_key_cannot_write()
    {
        await using var gateway = TestGateway.Start();
        var reader = await gateway.TenantClientAsync(role: ApiKeyRole.Reader);

        var unauthorized = await Assert.ThrowsAsync<OrleansBatchRequestException>(() => gateway.Client("obk_contoso_0000000000000000_not-a-real-secret-at-all-xxxxxxxx").GetEndpointAsync("scoring"));
        var forbidden = await Assert.ThrowsAsync<OrleansBatchRequestException>(() => reader.CreateOrUpdateEndpointAsync("scoring", new BatchEndpointDefinition()));

        Assert.Equal((401, "Unauthorized"), (unauthorized.Status, unauthorized.ErrorCode));
        Assert.Equal((403, "Forbidden"), (forbidden.Status, forbidden.ErrorCode));
    }
}
