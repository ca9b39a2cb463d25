using System.Net;
using System.Text.Json;
using Azure.Storage.Sas;
using OrleansBatch.Api.Tests.Support;
using OrleansBatch.Client.Jobs;

namespace OrleansBatch.Security.Tests.Remote;

/// <summary>
/// Issue 11, remote inputs on another storage account, end to end on Azurite: a folder of a customer's account named
/// by a URL with a SAS is read and scored, the output is written to another container of that account with a write
/// SAS, and the SAS shows nowhere (invoke answer, job, job list, log, error report, the gateway's own log); hosts and
/// schemes the configuration does not allow, a URL without a SAS and a forged SAS are 400 with nothing created.
/// </summary>
public sealed class OtherAccountTests(OtherAccountGateway other) : IClassFixture<OtherAccountGateway>
{
    private static readonly string[] Images = Directory.GetFiles(RepositoryPaths.Sample("digits", "images")).Order(StringComparer.Ordinal).Take(4).ToArray();

    [Fact]
    public async Task A_folder_of_another_account_with_a_sas_is_scored_into_that_account_and_the_sas_is_shown_nowhere()
    {
        var inputs = await other.ContainerAsync("batch-1", Images);
        var results = other.Account.GetBlobContainerClient("r" + Guid.NewGuid().ToString("N")[..12]);
        await results.CreateAsync();
        var input = OtherAccountGateway.WithSas(inputs, "batch-1", BlobContainerSasPermissions.Read | BlobContainerSasPermissions.List);
        var output = OtherAccountGateway.WithSas(results, "run-1", BlobContainerSasPermissions.Read | BlobContainerSasPermissions.List | BlobContainerSasPermissions.Write | BlobContainerSasPermissions.Create | BlobContainerSasPermissions.Add);

        using var invoked = await other.Tenant.InvokeAsync(new { input = new { type = "uri_folder", path = input }, output = new { path = output, file_name = "scores.csv" } });
        var answer = await invoked.Content.ReadAsStringAsync();
        Assert.True(invoked.StatusCode == HttpStatusCode.Accepted, answer);
        var name = JsonDocument.Parse(answer).RootElement.GetProperty("name").GetString()!;
        var done = await (await other.Tenant.Client.GetJobHandleAsync(name)).WaitForCompletionAsync(TimeSpan.FromMilliseconds(200));

        Assert.True(done.Status == BatchJobStatus.Completed, other.Gateway.Output);
        var scores = (await results.GetBlobClient("run-1/scores.csv").DownloadContentAsync()).Value.Content.ToString();
        var lines = scores.TrimEnd('\n').Split('\n');
        Assert.StartsWith("file_name,row,", lines[0], StringComparison.Ordinal);
        Assert.Equal(Images.Select(Path.GetFileName), lines.Skip(1).Select(l => l.Split(',')[0]));
        using var http = other.Gateway.Client(other.Tenant.Key);
        var shown = string.Join("\n",
            answer,
            await http.GetStringAsync($"/v1/jobs/{name}"),
            await http.GetStringAsync("/v1/jobs"),
            await http.GetStringAsync($"/v1/jobs/{name}/logs"),
            await http.GetStringAsync($"/v1/jobs/{name}/errors"),
            other.Gateway.Output);
        foreach (var secret in Secrets(input).Concat(Secrets(output)))
            Assert.DoesNotContain(secret, shown, StringComparison.Ordinal);
        Assert.Contains(inputs.Uri.ToString().TrimEnd('/') + "/batch-1", shown, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://127.0.0.2:{port}/{account}/{container}/batch-1", "OBATCH_ALLOWED_HOSTS")] // another host (loopback alias), not listed
    [InlineData("http://localhost:{port}/{account}/{container}/batch-1", "OBATCH_ALLOWED_HOSTS")] // the same server by a name that is not listed
    [InlineData("https://{account}.blob.core.windows.net/{container}/batch-1", "OBATCH_ALLOWED_HOSTS")] // a real account, not listed
    public async Task A_host_that_is_not_allowed_is_400_InputNotAllowed_and_no_job_is_made(string template, string setting)
    {
        var inputs = await other.ContainerAsync("batch-1", Images.Take(1));
        var sas = new Uri(OtherAccountGateway.WithSas(inputs, "batch-1", BlobContainerSasPermissions.Read | BlobContainerSasPermissions.List)).Query;
        var url = template.Replace("{port}", inputs.Uri.Port.ToString()).Replace("{account}", OtherAccountGateway.AccountName).Replace("{container}", inputs.Name) + sas;
        var before = (await other.Tenant.JobsAsync()).GetArrayLength();

        using var response = await other.Tenant.InvokeAsync(new { input = new { type = "uri_folder", path = url } });

        var problem = await Problem.AssertAsync(response, HttpStatusCode.BadRequest, "InputNotAllowed");
        Assert.Contains(setting, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        foreach (var secret in Secrets(url))
            Assert.DoesNotContain(secret, problem.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(before, (await other.Tenant.JobsAsync()).GetArrayLength());
    }

    [Theory]
    [InlineData("none")]
    [InlineData("forged")]
    [InlineData("read-only-output")]
    public async Task A_missing_forged_or_too_narrow_sas_is_400_and_shows_no_secret(string sas)
    {
        var inputs = await other.ContainerAsync("batch-1", Images.Take(1));
        var good = OtherAccountGateway.WithSas(inputs, "batch-1", BlobContainerSasPermissions.Read | BlobContainerSasPermissions.List);
        var forged = good[..(good.IndexOf("sig=", StringComparison.Ordinal) + 4)] + "Zm9yZ2VkLXNpZ25hdHVyZQ%3D%3D";
        var own = await other.Tenant.Client.UploadFilesAsync([Images[0]]);
        object body = sas switch
        {
            "none" => new { input = new { type = "uri_folder", path = good[..good.IndexOf('?', StringComparison.Ordinal)] } },
            "forged" => new { input = new { type = "uri_folder", path = forged } },
            _ => new { input = new { type = "uri_folder", path = own.Path }, output = new { path = good } },
        };
        var before = (await other.Tenant.JobsAsync()).GetArrayLength();

        using var response = await other.Tenant.InvokeAsync(body);

        var problem = await Problem.AssertAsync(response, HttpStatusCode.BadRequest, sas == "read-only-output" ? "OutputNotAllowed" : "InputNotAllowed");
        foreach (var secret in Secrets(good).Append("Zm9yZ2Vk"))
            Assert.DoesNotContain(secret, problem.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(before, (await other.Tenant.JobsAsync()).GetArrayLength());
    }

    /// <summary>The signature of a SAS URL, raw and as it looks escaped, and its signed permissions field.</summary>
    private static IEnumerable<string> Secrets(string url)
    {
        var query = System.Web.HttpUtility.ParseQueryString(new Uri(url).Query);
        var signature = query["sig"]!;
        return ["sig=", signature, Uri.EscapeDataString(signature), $"sp={query["sp"]}"];
    }
}
