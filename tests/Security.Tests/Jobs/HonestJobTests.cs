using System.Net;
using System.Text;
using System.Text.Json;
using OrleansBatch.Api.Tests.Support;
using OrleansBatch.Security.Tests.Support;
using static OrleansBatch.Security.Tests.Support.SecurityGateway;

namespace OrleansBatch.Security.Tests.Jobs;

/// <summary>
/// A job in which every row failed reported Completed, and its error list stopped at 100 per mini-batch with
/// <c>next_link: null</c>. Such a job now fails with <c>NoItemSucceeded</c>, and its report is complete, grouped and paged.
/// </summary>
[Collection(SecurityGateway.Name)]
public sealed class HonestJobTests(GatewayFixture gateway)
{
    private const int Rows = 250;

    [Fact]
    public async Task A_job_where_every_row_failed_is_Failed_NoItemSucceeded_with_a_complete_grouped_paged_report()
    {
        var (tenant, _) = await ScorerAsync(gateway);
        using var client = tenant.Contributor();
        var upload = await UploadAsync(client, BadCsv());

        var job = await InvokeAsync(client, new { input = new { type = "uri_folder", path = upload }, settings = new { error_threshold = -1, logging_level = "warning" } });
        var done = await WaitAsync(client, job);

        Assert.Equal("Failed", done.GetProperty("status").GetString());
        Assert.Equal("NoItemSucceeded", done.GetProperty("error").GetProperty("code").GetString());
        Assert.Equal(0, done.GetProperty("progress").GetProperty("mini_batches").GetProperty("running").GetInt32());

        var lines = new List<JsonElement>();
        string? next = $"/v1/jobs/{job}/errors?top=1";
        long total = 0;
        while (next is not null)
        {
            var page = await Problem.JsonAsync(await client.GetAsync(next), HttpStatusCode.OK);
            total = page.GetProperty("total").GetInt64();
            lines.AddRange(page.GetProperty("value").EnumerateArray());
            next = page.GetProperty("next_link").GetString();
        }
        Assert.Equal(Rows, total);
        Assert.Equal(Rows, lines.Sum(l => l.GetProperty("count").GetInt64()));
        Assert.True(lines.Count < Rows, $"identical errors are grouped, got {lines.Count} lines");
        Assert.Equal(0, lines.Min(l => l.GetProperty("first_row").GetInt64()));
        Assert.Equal(Rows - 1, lines.Max(l => l.GetProperty("last_row").GetInt64()));

        // logging_level: warning drops the info lines (job created, progress, ...); the failure is still there.
        var log = await client.GetStringAsync($"/v1/jobs/{job}/logs");
        Assert.DoesNotContain(" info ", log, StringComparison.Ordinal);
        Assert.DoesNotContain(" debug ", log, StringComparison.Ordinal);
        Assert.Contains("NoItemSucceeded", done.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_forged_errors_continuation_is_400()
    {
        var (tenant, upload) = await ScorerAsync(gateway);
        using var client = tenant.Contributor();
        var job = await InvokeAsync(client, new { input = new { type = "uri_folder", path = upload } });

        await Problem.AssertAsync(await client.GetAsync($"/v1/jobs/{job}/errors?continuation=-5"), HttpStatusCode.BadRequest, "InvalidContinuation");
    }

    [Fact]
    public async Task Debug_lines_show_only_at_debug()
    {
        var (tenant, upload) = await ScorerAsync(gateway);
        using var client = tenant.Contributor();

        var info = await InvokeAsync(client, new { input = new { type = "uri_folder", path = upload } });
        var debug = await InvokeAsync(client, new { input = new { type = "uri_folder", path = upload }, output = new { path = "debug-run" }, settings = new { logging_level = "debug" } });
        await WaitAsync(client, info);
        await WaitAsync(client, debug);

        Assert.DoesNotContain(" debug ", await client.GetStringAsync($"/v1/jobs/{info}/logs"), StringComparison.Ordinal);
        Assert.Contains(" debug ", await client.GetStringAsync($"/v1/jobs/{debug}/logs"), StringComparison.Ordinal);
    }

    /// <summary>The sample's header with <see cref="Rows"/> rows whose first value is not a number.</summary>
    private static string BadCsv()
    {
        var lines = File.ReadAllLines(RepositoryPaths.Sample("breast-cancer", "data", "breast_cancer.csv"));
        var text = new StringBuilder(lines[0]).Append('\n');
        for (var i = 0; i < Rows; i++)
            text.Append("abc").Append(lines[1 + (i % (lines.Length - 1))][lines[1].IndexOf(',')..]).Append('\n');
        return text.ToString();
    }

    private static async Task<string> UploadAsync(HttpClient client, string csv)
    {
        using var content = new MultipartFormDataContent { { new StringContent(csv), "file", "bad.csv" } };
        return (await Problem.JsonAsync(await client.PostAsync("/v1/uploads", content), HttpStatusCode.Created)).GetProperty("path").GetString()!;
    }

    private static async Task<string> InvokeAsync(HttpClient client, object body)
    {
        var job = await Problem.JsonAsync(await client.PostAsync("/v1/endpoints/scorer/jobs", Json(JsonSerializer.Serialize(body))), HttpStatusCode.Accepted);
        return job.GetProperty("name").GetString()!;
    }

    private static async Task<JsonElement> WaitAsync(HttpClient client, string job)
    {
        for (var i = 0; i < 600; i++)
        {
            var state = await Problem.JsonAsync(await client.GetAsync($"/v1/jobs/{job}"), HttpStatusCode.OK);
            if (state.GetProperty("status").GetString() is "Completed" or "Failed" or "Canceled")
                return state;
            await Task.Delay(100);
        }
        throw new TimeoutException($"job {job} did not end in 60 s");
    }
}
