using System.Net;
using System.Text;
using System.Text.Json;
using OrleansBatch.Api.Tests.Support;
using OrleansBatch.Security.Tests.Support;
using static OrleansBatch.Security.Tests.Support.SecurityGateway;

namespace OrleansBatch.Security.Tests.Limits;

/// <summary>
/// One 4.5 MB request made 50,000 files, and a tenant could store and run without bound. Each limit is now a 4xx
/// naming the limit and the setting that raises it, and what was stored before stays.
/// </summary>
public sealed class LimitTests(LimitedGateway gateway) : IClassFixture<LimitedGateway>
{
    [Fact]
    public async Task More_files_than_allowed_in_one_upload_is_400_TooManyFiles_and_stores_none()
    {
        using var client = await gateway.ContributorAsync();
        using var content = new MultipartFormDataContent();
        for (var i = 0; i < 6; i++)
            content.Add(new StringContent("x"), "file", $"f{i}.csv");

        var problem = await Problem.AssertAsync(await client.PostAsync("/v1/uploads", content), HttpStatusCode.BadRequest, "TooManyFiles");

        Assert.Contains("OBATCH_MAX_UPLOAD_FILES", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(gateway.DataDirectory, "files"), "f*.csv", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Storing_beyond_the_tenant_quota_is_413_QuotaExceeded_and_keeps_what_was_stored()
    {
        using var client = await gateway.ContributorAsync();
        var first = await UploadAsync(client, 600_000);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);

        var second = await UploadAsync(client, 600_000);

        var problem = await Problem.AssertAsync(second, HttpStatusCode.RequestEntityTooLarge, "QuotaExceeded");
        Assert.Contains("OBATCH_TENANT_MAX_STORAGE_MB", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var kept = (await first.ReadJsonAsync()).GetProperty("path").GetString()!;
        var id = kept["upload://".Length..].TrimEnd('/');
        Assert.Single(Directory.EnumerateFiles(Path.Combine(gateway.DataDirectory, "files"), "*.bin", SearchOption.AllDirectories));
        Assert.True(Directory.EnumerateDirectories(Path.Combine(gateway.DataDirectory, "files"), id, SearchOption.AllDirectories).Any());
    }

    [Fact]
    public async Task A_second_live_job_beyond_the_quota_is_429_QuotaExceeded()
    {
        using var client = await gateway.ContributorAsync();
        using (var model = await client.PostAsync("/v1/models/cancer/versions", TestTenant.ModelContent(RepositoryPaths.BreastCancerModel)))
            Assert.Equal(HttpStatusCode.Created, model.StatusCode);
        (await client.PutAsync("/v1/endpoints/scorer", Json("{}"))).EnsureSuccessStatusCode();
        (await client.PutAsync("/v1/endpoints/scorer/deployments/blue", Json("""{"model":"cancer:1"}"""))).EnsureSuccessStatusCode();
        var csv = File.ReadAllBytes(RepositoryPaths.Sample("breast-cancer", "data", "breast_cancer.csv"));
        using var content = new MultipartFormDataContent { { new ByteArrayContent(csv), "file", "data.csv" } };
        var upload = (await Problem.JsonAsync(await client.PostAsync("/v1/uploads", content), HttpStatusCode.Created)).GetProperty("path").GetString();
        // One row per mini-batch and one at a time: the first job stays live while the second is asked for.
        var body = JsonSerializer.Serialize(new { input = new { type = "uri_folder", path = upload }, settings = new { mini_batch_size = "1 rows" } });

        var first = await Problem.JsonAsync(await client.PostAsync("/v1/endpoints/scorer/jobs", Json(body)), HttpStatusCode.Accepted);
        var second = await client.PostAsync("/v1/endpoints/scorer/jobs", Json(body));

        var problem = await Problem.AssertAsync(second, HttpStatusCode.TooManyRequests, "QuotaExceeded");
        Assert.Contains("OBATCH_TENANT_MAX_LIVE_JOBS", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await client.PostAsync($"/v1/jobs/{first.GetProperty("name").GetString()}/cancel", null);
        Assert.Single((await (await client.GetAsync("/v1/jobs")).ReadJsonAsync()).GetProperty("value").EnumerateArray());
    }

    private static Task<HttpResponseMessage> UploadAsync(HttpClient client, int bytes)
    {
        var content = new MultipartFormDataContent { { new ByteArrayContent(Encoding.ASCII.GetBytes(new string('7', bytes))), "file", $"{Guid.NewGuid():N}.bin" } };
        return client.PostAsync("/v1/uploads", content);
    }
}
