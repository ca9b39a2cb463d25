using System.Net;
using System.Net.Http.Json;
using System.Text;
using OrleansBatch.Client;
using OrleansBatch.Client.Jobs;
using OrleansBatch.Api.Tests.Support;
using OrleansBatch.EndToEnd.Tests.Support;

namespace OrleansBatch.EndToEnd.Tests;

/// <summary>Batch jobs through REST and the typed client, against the gateway running as its own process.</summary>
public sealed class JobsTests(Platform platform) : IClassFixture<Platform>
{
    private static async Task<string> DownloadAsync(BatchJobHandle job)
    {
        using var output = new MemoryStream();
        await job.DownloadOutputAsync(output);
        return Encoding.UTF8.GetString(output.ToArray());
    }

    [Fact]
    public async Task A_folder_of_images_three_per_mini_batch_is_scored_in_input_order()
    {
        var folder = platform.CopySample("images-" + Guid.NewGuid().ToString("N")[..6], "digits", "images");

        var job = await platform.Client.InvokeEndpointAsync("digits", new BatchJobInvocation { Input = BatchJobInput.Folder(folder) });
        var done = await job.WaitForCompletionAsync(TimeSpan.FromMilliseconds(100));

        Assert.Equal(BatchJobStatus.Completed, done.Status);
        Assert.Equal(("first", 1, 20), (done.Deployment, done.DeploymentVersion, done.Progress!.MiniBatches.Total));
        Platform.AssertSameRows(File.ReadAllLines(RepositoryPaths.Sample("digits", "expected.csv")), await DownloadAsync(job));
        var log = await job.ReadLogAsync(follow: true).ToListAsync();
        Assert.Contains(log, l => l.Contains("job completed", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("1000 rows")]
    [InlineData("256KB")]
    public async Task A_large_csv_is_split_and_scored_through_the_pipeline_in_order(string miniBatchSize)
    {
        var (folder, expected) = platform.LargeCsv("csv-" + Guid.NewGuid().ToString("N")[..6], 20_000);
        using var http = platform.Http();

        // The Azure ML body form, camelCase, with the deployment picked by header.
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/endpoints/cancer/jobs")
        {
            Content = JsonContent.Create(new
            {
                properties = new { inputData = new { data = new { jobInputType = "UriFolder", uri = folder } } },
                settings = new { mini_batch_size = miniBatchSize },
            }),
        };
        request.Headers.Add("azureml-model-deployment", "pipe");
        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var name = (await Platform.ReadJsonAsync(response)).GetProperty("name").GetString()!;
        Assert.Equal($"/v1/jobs/{name}", response.Headers.Location!.OriginalString);

        var done = await (await platform.Client.GetJobHandleAsync(name)).WaitForCompletionAsync(TimeSpan.FromMilliseconds(100));
        Assert.Equal(BatchJobStatus.Completed, done.Status);
        Assert.True(done.Progress!.MiniBatches.Total >= 10);
        Assert.Equal(20_000, done.Progress.RowsWritten);
        Platform.AssertSameRows(expected, await http.GetStringAsync($"/v1/jobs/{name}/outputs/score"));
    }

    [Fact]
    public async Task Summary_only_returns_the_summary_as_the_output()
    {
        var folder = platform.CopySample("summary-" + Guid.NewGuid().ToString("N")[..6], "digits", "images");

        var job = await platform.Client.InvokeEndpointAsync("digits", new BatchJobInvocation
        {
            Input = BatchJobInput.Folder(folder),
            Settings = new BatchJobSettings { OutputAction = "summary_only" },
        });
        var done = await job.WaitForCompletionAsync(TimeSpan.FromMilliseconds(100));

        Assert.Equal(BatchJobStatus.Completed, done.Status);
        var summary = await DownloadAsync(job);
        Assert.Contains("\"itemsSucceeded\":60", summary);
        Assert.DoesNotContain("file_name,row", summary);
    }

    [Fact]
    public async Task Switching_the_default_while_a_job_runs_does_not_change_that_job()
    {
        await platform.Client.CreateOrUpdateEndpointAsync("switch", new Client.Models.BatchEndpointDefinition());
        await platform.Client.CreateOrUpdateDeploymentAsync("switch", "blue", new Client.Models.BatchDeploymentDefinition { Model = new Client.Models.ModelReference("digits", 1) });
        await platform.Client.CreateOrUpdateDeploymentAsync("switch", "green", new Client.Models.BatchDeploymentDefinition
        {
            Model = new Client.Models.ModelReference("digits", 1),
            Settings = new Client.Models.DeploymentSettings { MiniBatchSize = Client.Models.MiniBatchSize.FromFiles(7) },
        });
        var folder = platform.CopySample("switch-" + Guid.NewGuid().ToString("N")[..6], "digits", "images");

        var first = await platform.Client.InvokeEndpointAsync("switch", new BatchJobInvocation { Input = BatchJobInput.Folder(folder) });
        await platform.Client.SetDefaultDeploymentAsync("switch", "green");
        var second = await platform.Client.InvokeEndpointAsync("switch", new BatchJobInvocation { Input = BatchJobInput.Folder(folder) });
        var firstDone = await first.WaitForCompletionAsync(TimeSpan.FromMilliseconds(100));
        var secondDone = await second.WaitForCompletionAsync(TimeSpan.FromMilliseconds(100));

        Assert.Equal(("blue", BatchJobStatus.Completed, 6), (firstDone.Deployment, firstDone.Status, firstDone.Progress!.MiniBatches.Total));
        Assert.Equal(("green", BatchJobStatus.Completed, 9), (secondDone.Deployment, secondDone.Status, secondDone.Progress!.MiniBatches.Total));
        Platform.AssertSameRows(File.ReadAllLines(RepositoryPaths.Sample("digits", "expected.csv")), await DownloadAsync(first));
    }

    [Fact]
    public async Task Error_threshold_zero_fails_the_job_on_a_corrupt_file_and_reports_it()
    {
        var folder = platform.CopySample("corrupt-" + Guid.NewGuid().ToString("N")[..6], "digits", "images");
        File.WriteAllText(Path.Combine(folder, "digit_007.png"), "not a png at all");

        var strict = await platform.Client.InvokeEndpointAsync("digits", new BatchJobInvocation
        {
            Input = BatchJobInput.Folder(folder),
            Settings = new BatchJobSettings { ErrorThreshold = 0, MaxConcurrencyPerInstance = 1 },
        });
        var lenient = await platform.Client.InvokeEndpointAsync("digits", new BatchJobInvocation { Input = BatchJobInput.Folder(folder) });
        var failed = await strict.WaitForCompletionAsync(TimeSpan.FromMilliseconds(100));
        var completed = await lenient.WaitForCompletionAsync(TimeSpan.FromMilliseconds(100));

        Assert.Equal((BatchJobStatus.Failed, "ErrorThresholdExceeded"), (failed.Status, failed.Error!.Code));
        Assert.Equal(BatchJobStatus.Completed, completed.Status);
        var errors = await platform.Client.GetJobErrorsAsync(lenient.Name).ToListAsync();
        Assert.Equal("digit_007.png", Assert.Single(errors).FileName);
        Assert.Equal(59, (await DownloadAsync(lenient)).Split('\n', StringSplitOptions.RemoveEmptyEntries).Length - 1);
    }

    [Fact]
    public async Task Cancel_stops_a_running_job_and_a_second_cancel_is_a_conflict()
    {
        var folder = platform.CopySample("cancel-" + Guid.NewGuid().ToString("N")[..6], "digits", "images");
        var hung = Path.Combine(folder, "digit_004.png");
        File.Delete(hung);
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", [hung]))
            await mkfifo.WaitForExitAsync();
        try
        {
            var job = await platform.Client.InvokeEndpointAsync("digits", new BatchJobInvocation
            {
                Input = BatchJobInput.Folder(folder),
                Settings = new BatchJobSettings { MaxConcurrencyPerInstance = 1, MiniBatchSize = "1" },
            });
            while ((await job.RefreshAsync()).Progress?.MiniBatches.Succeeded < 2)
                await Task.Delay(20);

            using var http = platform.Http();
            Assert.Equal(HttpStatusCode.Accepted, (await http.PostAsync($"/v1/jobs/{job.Name}/cancel", null)).StatusCode);
            var done = await job.WaitForCompletionAsync(TimeSpan.FromMilliseconds(100));

            Assert.Equal(BatchJobStatus.Canceled, done.Status);
            var again = await Assert.ThrowsAsync<OrleansBatchRequestException>(() => job.CancelAsync());
            Assert.Equal((409, "JobTerminal"), (again.Status, again.ErrorCode));
        }
        finally
        {
            File.OpenHandle(hung, FileMode.Open, FileAccess.ReadWrite).Dispose();
        }
    }

    [Fact]
    public async Task An_existing_output_is_refused_at_invoke_unless_overwrite_is_asked()
    {
        var folder = platform.CopySample("output-" + Guid.NewGuid().ToString("N")[..6], "digits", "images");
        var output = new BatchJobOutput("runs/" + Guid.NewGuid().ToString("N")[..6], "scores.csv");
        var first = await platform.Client.InvokeEndpointAsync("digits", new BatchJobInvocation { Input = BatchJobInput.Folder(folder), Output = output });
        Assert.Equal(BatchJobStatus.Completed, (await first.WaitForCompletionAsync(TimeSpan.FromMilliseconds(100))).Status);

        var refused = await Assert.ThrowsAsync<OrleansBatchRequestException>(() =>
            platform.Client.InvokeEndpointAsync("digits", new BatchJobInvocation { Input = BatchJobInput.Folder(folder), Output = output }));
        var replaced = await platform.Client.InvokeEndpointAsync("digits", new BatchJobInvocation { Input = BatchJobInput.Folder(folder), Output = output, OutputPolicy = "overwrite" });

        Assert.Equal((400, "OutputExists"), (refused.Status, refused.ErrorCode));
        Assert.Equal(BatchJobStatus.Completed, (await replaced.WaitForCompletionAsync(TimeSpan.FromMilliseconds(100))).Status);
    }

    [Fact]
    public async Task The_same_idempotency_key_returns_the_same_job()
    {
        var folder = platform.CopySample("idem-" + Guid.NewGuid().ToString("N")[..6], "digits", "images");
        var key = Guid.NewGuid().ToString();
        var invocation = new BatchJobInvocation { Input = BatchJobInput.Folder(folder) };

        var first = await platform.Client.InvokeEndpointAsync("digits", invocation, key);
        var second = await platform.Client.InvokeEndpointAsync("digits", invocation, key);
        using var http = platform.Http();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/endpoints/digits/jobs") { Content = JsonContent.Create(new { input = new { type = "uri_folder", path = folder } }) };
        request.Headers.Add("Repeatability-Request-ID", key);
        var third = (await Platform.ReadJsonAsync(await http.SendAsync(request))).GetProperty("name").GetString();

        Assert.Equal(first.Name, second.Name);
        Assert.Equal(first.Name, third);
        Assert.Single(await platform.Client.GetJobsAsync(endpoint: "digits").Where(j => j.Name == first.Name).ToListAsync());
    }

    [Fact]
    public async Task Bad_inputs_and_routing_are_clear_client_errors()
    {
        var outside = Directory.CreateTempSubdirectory("obatch-outside-").FullName;
        var link = Path.Combine(platform.DataRoot, "escape-" + Guid.NewGuid().ToString("N")[..6]);
        Directory.CreateSymbolicLink(link, outside);
        await platform.Client.CreateOrUpdateEndpointAsync("empty", new Client.Models.BatchEndpointDefinition());
        using var http = platform.Http();
        async Task<(int, string?)> Invoke(string endpoint, object body)
        {
            using var response = await http.PostAsJsonAsync($"/v1/endpoints/{endpoint}/jobs", body);
            var problem = await Platform.ReadJsonAsync(response);
            return ((int)response.StatusCode, problem.TryGetProperty("code", out var code) ? code.GetString() : null);
        }
        try
        {
            Assert.Equal((400, "InputNotAllowed"), await Invoke("digits", new { input = new { type = "uri_folder", path = outside } }));
            Assert.Equal((400, "InputNotAllowed"), await Invoke("digits", new { input = new { type = "uri_folder", path = platform.DataRoot + "/../" } }));
            Assert.Equal((400, "InputNotAllowed"), await Invoke("digits", new { input = new { type = "uri_folder", path = link } }));
            Assert.Equal((400, "InputNotFound"), await Invoke("digits", new { input = new { type = "uri_folder", path = platform.DataRoot + "/missing" } }));
            Assert.Equal((404, "DeploymentNotFound"), await Invoke("digits", new { deployment_name = "nope", input = new { type = "uri_folder", path = platform.DataRoot } }));
            Assert.Equal((409, "NoDefaultDeployment"), await Invoke("empty", new { input = new { type = "uri_folder", path = platform.DataRoot } }));
            Assert.Equal((400, "ValidationFailed"), await Invoke("digits", new { input = new { type = "uri_folder", path = platform.DataRoot }, settings = new { mini_batch_size = "lots" } }));
        }
        finally
        {
            Directory.Delete(link);
            Directory.Delete(outside);
        }
    }

    [Fact]
    public async Task Jobs_list_newest_first_with_filters_and_paging()
    {
        var folder = platform.CopySample("list-" + Guid.NewGuid().ToString("N")[..6], "digits", "images");
        var a = await platform.Client.InvokeEndpointAsync("digits", new BatchJobInvocation { Input = BatchJobInput.Folder(folder) });
        var b = await platform.Client.InvokeEndpointAsync("digits", new BatchJobInvocation { Input = BatchJobInput.Folder(folder) });
        await b.WaitForCompletionAsync(TimeSpan.FromMilliseconds(100));
        await a.WaitForCompletionAsync(TimeSpan.FromMilliseconds(100));

        using var http = platform.Http();
        var page = await Platform.ReadJsonAsync(await http.GetAsync("/v1/endpoints/digits/jobs?top=1&status=Completed"));
        var names = (await platform.Client.GetJobsAsync(endpoint: "digits", status: BatchJobStatus.Completed).ToListAsync()).Select(j => j.Name).ToList();

        Assert.Equal(1, page.GetProperty("value").GetArrayLength());
        Assert.Contains("continuation=", page.GetProperty("next_link").GetString());
        Assert.True(names.IndexOf(b.Name) < names.IndexOf(a.Name), "newest first");
        Assert.Empty(await platform.Client.GetJobsAsync(endpoint: "cancer", deployment: "first").ToListAsync());
    }
}
