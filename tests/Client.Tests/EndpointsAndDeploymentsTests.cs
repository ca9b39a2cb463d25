using OrleansBatch.Client.Models;

namespace OrleansBatch.Client.Tests;

/// <summary>Endpoints and deployments through the client, against the real gateway.</summary>
public class EndpointsAndDeploymentsTests
{
    [Fact]
    public async Task Endpoint_lifecycle_create_read_list_patch_and_delete()
    {
        await using var gateway = TestGateway.Start();
        var client = await gateway.TenantClientAsync();

        var created = await client.CreateOrUpdateEndpointAsync("Scoring", new BatchEndpointDefinition
        {
            Description = "first",
            Tags = new Dictionary<string, string> { ["team"] = "risk", ["tier"] = "gold" },
        });
        var overwritten = await client.CreateOrUpdateEndpointAsync("scoring", new BatchEndpointDefinition { Description = "second" }, ifMatch: created.ETag);
        var fetched = await client.GetEndpointAsync("scoring");
        var patched = await client.UpdateEndpointAsync("scoring",
            new BatchEndpointPatch { Tags = new Dictionary<string, string?> { ["team"] = "fraud", ["extra"] = "1" } }, fetched.ETag);
        var listed = await client.GetEndpointsAsync().ToListAsync();
        await client.DeleteEndpointAsync("scoring", ifMatch: patched.ETag);
        var gone = await Assert.ThrowsAsync<OrleansBatchRequestException>(() => client.GetEndpointAsync("scoring"));

        Assert.Equal(("scoring", 1L, "\"1\""), (created.Name, created.Version, created.ETag));
        Assert.Equal(("second", 2L), (overwritten.Description, overwritten.Version));
        Assert.Equal(overwritten.ETag, fetched.ETag);
        Assert.False(string.IsNullOrEmpty(fetched.ScoringUri));
        Assert.Empty(fetched.Deployments);
        Assert.Equal("fraud", patched.Tags!["team"]);
        Assert.Equal("1", patched.Tags["extra"]);
        Assert.Equal(3L, patched.Version);
        Assert.Equal(["scoring"], listed.Select(e => e.Name));
        Assert.Equal((404, "EndpointNotFound"), (gone.Status, gone.ErrorCode));
    }

    [Fact]
    public async Task Deployments_version_on_change_switch_the_default_and_refuse_deleting_the_default()
    {
        await using var gateway = TestGateway.Start();
        var client = await gateway.TenantClientAsync();
        await client.CreateModelVersionAsync("cancer", TestGateway.SampleModelPath);
        await client.CreateOrUpdateEndpointAsync("scoring", new BatchEndpointDefinition());
        var definition = new BatchDeploymentDefinition
        {
            Model = ModelReference.Latest("cancer"),
            Settings = new DeploymentSettings { MiniBatchSize = MiniBatchSize.FromRows(100), RetrySettings = new RetrySettings { MaxRetries = 5 } },
        };

        var blue = await client.CreateOrUpdateDeploymentAsync("scoring", "blue", definition);
        var blueAgain = await client.CreateOrUpdateDeploymentAsync("scoring", "blue", definition with { Description = "tuned" }, ifMatch: blue.ETag);
        var green = await client.CreateOrUpdateDeploymentAsync("scoring", "green", definition with { Model = new ModelReference("cancer", 1) }, setDefault: true);
        var endpoint = await client.GetEndpointAsync("scoring");
        var blueCurrent = await client.GetDeploymentAsync("scoring", "blue");
        var blueFirst = await client.GetDeploymentVersionAsync("scoring", "blue", 1);
        var blueVersions = await client.GetDeploymentVersionsAsync("scoring", "blue").ToListAsync();
        var deployments = await client.GetDeploymentsAsync("scoring").ToListAsync();
        var refused = await Assert.ThrowsAsync<OrleansBatchRequestException>(() => client.DeleteDeploymentAsync("scoring", "green"));
        var switched = await client.SetDefaultDeploymentAsync("scoring", "blue", endpoint.ETag);
        await client.DeleteDeploymentAsync("scoring", "green");
        var remaining = await client.GetDeploymentsAsync("scoring").ToListAsync();

        Assert.Equal((1, new ModelReference("cancer", 1)), (blue.Version, blue.Model));
        Assert.Equal(DeploymentType.Model, blue.Type);
        Assert.Equal("100 rows", blue.Settings!.MiniBatchSize!.Value.Text);
        Assert.Equal(5, blue.Settings.RetrySettings!.MaxRetries);
        Assert.Equal(30, blue.Settings.RetrySettings.Timeout); // defaults come back filled in
        Assert.Equal(OutputAction.AppendRow, blue.Settings.OutputAction);
        Assert.Equal((2, "tuned"), (blueAgain.Version, blueAgain.Description));
        Assert.Equal("green", endpoint.Defaults!.DeploymentName);
        Assert.Equal(["blue", "green"], endpoint.Deployments.Order());
        Assert.Equal(1, green.Version);
        Assert.Equal((2, 2), (blueCurrent.Version, blueCurrent.LatestVersion));
        Assert.Equal((1, 2, (string?)null), (blueFirst.Version, blueFirst.LatestVersion, blueFirst.Description));
        Assert.Equal([1, 2], blueVersions.Select(v => v.Version));
        Assert.Equal(["blue", "green"], deployments.Select(d => d.Name).Order());
        Assert.Equal((409, "DeploymentIsDefault"), (refused.Status, refused.ErrorCode));
        Assert.Equal("blue", switched.Defaults!.DeploymentName);
        Assert.Equal(["blue"], remaining.Select(d => d.Name));
    }

    [Fact]
    public async Task A_list_longer_than_a_page_is_followed_through_next_link()
    {
        await using var gateway = TestGateway.Start();
        var client = await gateway.TenantClientAsync();
        string[] names = ["ep-a", "ep-b", "ep-c", "ep-d", "ep-e"];
        foreach (var name in names)
            await client.CreateOrUpdateEndpointAsync(name, new BatchEndpointDefinition());

        var pages = await client.GetEndpointsAsync().AsPages(pageSizeHint: 2).ToListAsync();
        var resumed = await client.GetEndpointsAsync().AsPages(pages[0].ContinuationToken, 2).ToListAsync();

        Assert.Equal([2, 2, 1], pages.Select(p => p.Values.Count));
        Assert.Equal(names, pages.SelectMany(p => p.Values).Select(e => e.Name).Order());
        Assert.NotNull(pages[0].ContinuationToken);
        Assert.Null(pages[^1].ContinuationToken);
        Assert.Equal(pages.Skip(1).SelectMany(p => p.Values).Select(e => e.Name), resumed.SelectMany(p => p.Values).Select(e => e.Name));
    }
}
