using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OrleansBatch.Api.Tests.Support;

namespace OrleansBatch.Api.Tests.Jobs;

/// <summary>
/// The job list through the gateway: every filter (endpoint, deployment, status, together) pages exactly through
/// the jobs that match, newest first, checked against each job's own record once all have ended.
/// </summary>
public sealed class JobListTests(GatewayFixture gateway) : IClassFixture<GatewayFixture>
{
    private static readonly string[] Terminal = ["Completed", "Failed", "Canceled"];

    [Fact]
    public async Task Filtered_lists_page_exactly_through_the_matching_jobs_newest_first()
    {
        var tenant = await gateway.CreateTenantAsync();
        var other = await gateway.CreateTenantAsync();
        using var client = tenant.Contributor();
        await tenant.RegisterModelAsync("prep", RepositoryPaths.BreastCancerPreprocess);
        await tenant.RegisterModelAsync("clf", RepositoryPaths.BreastCancerModel);
        await tenant.CreateEndpointAsync("listing");
        await tenant.CreateEndpointAsync("quiet");
        var pipeline = new { type = "pipeline", steps = new[] { new { model = "prep:1" }, new { model = "clf:1" } } };
        foreach (var (endpoint, deployment) in new[] { ("listing", "blue"), ("listing", "green"), ("quiet", "blue") })
            Assert.True((await tenant.PutDeploymentAsync(endpoint, deployment, pipeline)).IsSuccessStatusCode);
        var good = await UploadAsync(client, string.Join('\n', File.ReadLines(RepositoryPaths.Sample("breast-cancer", "data", "breast_cancer.csv")).Take(4)) + "\n");
        // The model's columns, but no number in them: every item fails, so the job ends Failed.
        var header = File.ReadLines(RepositoryPaths.Sample("breast-cancer", "data", "breast_cancer.csv")).First();
        var bad = await UploadAsync(client, header + "\n" + string.Join(',', header.Split(',').Select(_ => "n/a")) + "\n");

        var jobs = new List<string>();
        foreach (var (endpoint, deployment, input) in new[]
        {
            ("listing", "blue", good), ("listing", "blue", bad), ("listing", "green", good), ("quiet", "blue", good),
            ("listing", "blue", good), ("listing", "green", bad), ("listing", "blue", bad), ("listing", "blue", good),
        })
        {
            var invoked = await Problem.JsonAsync(await client.PostAsJsonAsync($"/v1/endpoints/{endpoint}/jobs",
                new { deployment_name = deployment, input = new { type = "uri_folder", path = input } }), HttpStatusCode.Accepted);
            jobs.Add(invoked.GetProperty("name").GetString()!);
        }
        using var otherClient = other.Contributor();
        var truth = await WaitForAllToEndAsync(client, jobs);

        Assert.Equal(["Completed", "Failed"], truth.Values.Select(j => j.Status).Distinct().Order());
        IEnumerable<string> Expected(Func<(string Endpoint, string Deployment, string Status), bool> match) =>
            truth.Where(j => match(j.Value)).Select(j => j.Key).OrderDescending(StringComparer.Ordinal);
        Assert.Equal(Expected(_ => true), await ListAsync(client, "/v1/jobs?top=3"));
        Assert.Equal(Expected(j => j.Endpoint == "listing"), await ListAsync(client, "/v1/endpoints/listing/jobs?top=2"));
        Assert.Equal(Expected(j => j.Endpoint == "listing"), await ListAsync(client, "/v1/jobs?endpoint=LISTING&top=2"));
        Assert.Equal(Expected(j => j.Deployment == "blue"), await ListAsync(client, "/v1/jobs?deployment=blue&top=2"));
        Assert.Equal(Expected(j => j is { Endpoint: "listing", Deployment: "blue" }), await ListAsync(client, "/v1/endpoints/listing/jobs?deployment=Blue&top=1"));
        Assert.Equal(Expected(j => j.Status == "Completed"), await ListAsync(client, "/v1/jobs?status=Completed&top=2"));
        Assert.Equal(Expected(j => j is { Endpoint: "listing", Deployment: "blue", Status: "Failed" }),
            await ListAsync(client, "/v1/endpoints/listing/jobs?deployment=blue&status=Failed&top=1"));
        Assert.Equal(Expected(j => j is { Endpoint: "listing", Deployment: "green", Status: "Completed" }),
            await ListAsync(client, "/v1/jobs?endpoint=listing&deployment=green&status=Completed"));
        // A job's status moved it in the index: none is still listed as queued or running.
        Assert.Empty(await ListAsync(client, "/v1/jobs?status=Queued"));
        Assert.Empty(await ListAsync(client, "/v1/jobs?status=Running"));
        Assert.Empty(await ListAsync(client, "/v1/jobs?deployment=none-such"));
        Assert.Empty(await ListAsync(client, "/v1/jobs?deployment=" + new string('x', 300)));
        Assert.Empty(await ListAsync(otherClient, "/v1/jobs?endpoint=listing"));
        Assert.Empty(await ListAsync(otherClient, "/v1/jobs?status=Completed"));
    }

    [Fact]
    public async Task A_continuation_that_is_not_the_lists_own_is_a_400()
    {
        var tenant = await gateway.CreateTenantAsync();
        using var client = tenant.Reader();

        var response = await client.GetAsync("/v1/jobs?status=Completed&continuation=not-a-token!");

        await Problem.AssertAsync(response, HttpStatusCode.BadRequest, "InvalidContinuation");
    }

    private static async Task<string> UploadAsync(HttpClient client, string csv)
    {
        using var content = new MultipartFormDataContent { { new StringContent(csv), "file", "rows.csv" } };
        return (await Problem.JsonAsync(await client.PostAsync("/v1/uploads", content), HttpStatusCode.Created)).GetProperty("path").GetString()!;
    }

    /// <summary>Each job's endpoint, deployment and final status, read from the job itself.</summary>
    private static async Task<Dictionary<string, (string Endpoint, string Deployment, string Status)>> WaitForAllToEndAsync(HttpClient client, List<string> names)
    {
        var truth = new Dictionary<string, (string, string, string)>();
        var deadline = DateTime.UtcNow.AddMinutes(3);
        foreach (var name in names)
        {
            while (true)
            {
                var job = await Problem.JsonAsync(await client.GetAsync($"/v1/jobs/{name}"), HttpStatusCode.OK);
                var status = job.GetProperty("status").GetString()!;
                if (Terminal.Contains(status))
                {
                    truth[name] = (job.GetProperty("endpoint").GetString()!, job.GetProperty("deployment").GetString()!, status);
                    break;
                }
                Assert.True(DateTime.UtcNow < deadline, $"Job {name} still {status} after 3 minutes.");
                await Task.Delay(100);
            }
        }
        return truth;
    }

    /// <summary>Every page of a list, following next_link; pages before the last are full.</summary>
    private static async Task<List<string>> ListAsync(HttpClient client, string url)
    {
        var names = new List<string>();
        for (string? next = url; next is not null;)
        {
            var page = await Problem.JsonAsync(await client.GetAsync(next), HttpStatusCode.OK);
            var value = page.GetProperty("value");
            names.AddRange(value.EnumerateArray().Select(j => j.GetProperty("name").GetString()!));
            next = page.GetProperty("next_link") is { ValueKind: JsonValueKind.String } link ? link.GetString() : null;
            Assert.True(next is null || value.GetArrayLength() > 0, "a page with a next_link is never empty");
        }
        return names;
    }
}
