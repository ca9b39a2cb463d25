using System.Net;
using System.Text.Json;
using OrleansBatch.Api.Tests.Support;

namespace OrleansBatch.Security.Tests.Remote;

/// <summary>
/// Issue 11, blob access: in cluster mode any tenant could read and overwrite every blob of the platform's
/// account by naming it in a URL (it was signed with the account key). Each test sends the request that
/// showed it and checks the 400 and that nothing of the victim's was read into a job or written.
/// </summary>
[Collection(ClusterGatewayCollection.Name)]
public sealed class BlobConfinementTests(ClusterGateway cluster)
{
    [Theory]
    [InlineData("{upload}")]
    [InlineData("{upload}?sv=2021-08-06&ss=b&srt=co&sp=rl&se=2099-01-01&sig=forged")]
    [InlineData("{folder}/")]
    [InlineData("tenants/{attacker}/../{victim-upload}")]
    [InlineData("tenants/{attacker}/%2e%2e/%2e%2e/{victim-upload}")]
    public async Task Another_tenants_upload_as_an_input_url_is_InputNotAllowed_and_nothing_is_read(string template)
    {
        var before = await cluster.Artifacts.GetBlobClient(cluster.VictimUpload).GetPropertiesAsync();
        var folder = cluster.VictimUpload[..cluster.VictimUpload.LastIndexOf('/')];
        var url = cluster.Url(template
            .Replace("{upload}", cluster.VictimUpload).Replace("{folder}", folder)
            .Replace("{attacker}", cluster.Attacker.Name).Replace("{victim-upload}", cluster.VictimUpload));

        using var response = await cluster.Attacker.InvokeAsync(new { input = new { type = "uri_folder", path = url } });

        var problem = await Problem.AssertAsync(response, HttpStatusCode.BadRequest, "InputNotAllowed");
        Assert.DoesNotContain("sig=", problem.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(cluster.Prefix + "-artifacts/tenants/" + cluster.Attacker.Name, problem.GetProperty("detail").GetString()!.Replace(cluster.Prefix + "-artifacts/tenants/" + cluster.Attacker.Name + "/", ""), StringComparison.Ordinal);
        Assert.Equal(0, (await cluster.Attacker.JobsAsync()).GetArrayLength());
        var after = await cluster.Artifacts.GetBlobClient(cluster.VictimUpload).GetPropertiesAsync();
        Assert.Equal(before.Value.ETag, after.Value.ETag);
    }

    [Theory]
    [InlineData("fail")]
    [InlineData("overwrite")]
    public async Task Another_tenants_job_output_folder_as_output_is_OutputNotAllowed_and_their_output_is_unchanged(string policy)
    {
        var output = cluster.Artifacts.GetBlobClient(cluster.VictimOutput);
        var before = (await output.DownloadContentAsync()).Value;
        var own = await cluster.Attacker.Client.UploadFilesAsync([RepositoryPaths.Sample("digits", "images", Path.GetFileName(cluster.VictimUpload))]);
        var folderUrl = cluster.Url(cluster.VictimOutput[..cluster.VictimOutput.LastIndexOf('/')]);

        using var response = await cluster.Attacker.InvokeAsync(new
        {
            input = new { type = "uri_folder", path = own.Path },
            output = new { path = folderUrl },
            output_policy = policy,
        });

        await Problem.AssertAsync(response, HttpStatusCode.BadRequest, "OutputNotAllowed");
        Assert.Equal(0, (await cluster.Attacker.JobsAsync()).GetArrayLength());
        var after = (await output.DownloadContentAsync()).Value;
        Assert.Equal(before.Details.ETag, after.Details.ETag);
        Assert.Equal(before.Content.ToString(), after.Content.ToString());
    }

    [Theory]
    [InlineData("{prefix}-state/x")]
    [InlineData("{prefix}-grains/")]
    [InlineData("{prefix}-artifacts/")]
    [InlineData("{prefix}-artifacts/tenants/")]
    [InlineData("some-other-container/data.csv")]
    public async Task Containers_and_folders_of_the_platform_account_outside_the_callers_files_are_refused_for_input_and_output(string path)
    {
        var url = $"{cluster.Account.Uri.ToString().TrimEnd('/')}/{path.Replace("{prefix}", cluster.Prefix)}";
        var own = await cluster.Attacker.Client.UploadFilesAsync([RepositoryPaths.Sample("digits", "images", Path.GetFileName(cluster.VictimUpload))]);

        using var asInput = await cluster.Attacker.InvokeAsync(new { input = new { type = "uri_folder", path = url } });
        using var asOutput = await cluster.Attacker.InvokeAsync(new { input = new { type = "uri_folder", path = own.Path }, output = new { path = url }, output_policy = "overwrite" });

        await Problem.AssertAsync(asInput, HttpStatusCode.BadRequest, "InputNotAllowed");
        await Problem.AssertAsync(asOutput, HttpStatusCode.BadRequest, "OutputNotAllowed");
        Assert.Equal(0, (await cluster.Attacker.JobsAsync()).GetArrayLength());
    }

    [Fact]
    public async Task The_callers_own_files_by_url_with_a_sas_are_scored_and_the_sas_is_shown_nowhere()
    {
        var tenant = await ClusterGateway.TenantSide.CreateAsync(new OrleansBatch.Client.OrleansBatchClient(cluster.Gateway.Address, ClusterGateway.AdminKey), cluster.Gateway, "own");
        var image = RepositoryPaths.Sample("digits", "images", Path.GetFileName(cluster.VictimUpload));
        var upload = await tenant.Client.UploadFilesAsync([image]);
        var file = $"tenants/{tenant.Name}/uploads/{upload.Path["upload://".Length..].TrimEnd('/')}/{Path.GetFileName(image)}";
        const string Sas = "?sv=2021-08-06&ss=b&srt=co&sp=rwl&se=2099-01-01T00:00:00Z&sig=c2VjcmV0LXNpZ25hdHVyZQ%3D%3D";

        using var invoked = await tenant.InvokeAsync(new
        {
            input = new { type = "uri_file", path = cluster.Url(file) + Sas },
            output = new { path = cluster.Url($"tenants/{tenant.Name}/results/run-1") + Sas, file_name = "scores.csv" },
        });
        var answer = await invoked.Content.ReadAsStringAsync();
        Assert.True(invoked.StatusCode == HttpStatusCode.Accepted, answer);
        var name = JsonDocument.Parse(answer).RootElement.GetProperty("name").GetString()!;
        var done = await (await tenant.Client.GetJobHandleAsync(name)).WaitForCompletionAsync(TimeSpan.FromMilliseconds(200));
        using var http = cluster.Gateway.Client(tenant.Key);
        var shown = string.Join("\n",
            answer,
            await http.GetStringAsync($"/v1/jobs/{name}"),
            await http.GetStringAsync("/v1/jobs"),
            await http.GetStringAsync($"/v1/jobs/{name}/logs"),
            await http.GetStringAsync($"/v1/jobs/{name}/errors"));

        Assert.Equal(OrleansBatch.Client.Jobs.BatchJobStatus.Completed, done.Status);
        Assert.True(await cluster.Artifacts.GetBlobClient($"tenants/{tenant.Name}/results/run-1/scores.csv").ExistsAsync());
        foreach (var secret in new[] { "sig=", "c2VjcmV0", "sp=rwl", "se=2099", "srt=co" })
            Assert.DoesNotContain(secret, shown, StringComparison.Ordinal);
        Assert.Contains(cluster.Url(file), shown, StringComparison.Ordinal);
    }
}
