using Microsoft.Playwright;
using OrleansBatch.Api.Tests.Support;
using OrleansBatch.Dashboard.Tests.Support;

namespace OrleansBatch.Dashboard.Tests;

/// <summary>Endpoints (switch the default, invoke with an upload) and models (signatures, a new version) in Chromium.</summary>
[Collection(DashboardCollection.Name)]
public sealed class EndpointAndModelPagesTests(DashboardFixture fixture)
{
    [Fact]
    public async Task A_contributor_switches_the_default_deployment()
    {
        await fixture.SetUpEndpointAsync(fixture.ContributorKey, "switching", "blue", "green");
        var page = await fixture.SignInAsync(fixture.ContributorKey);
        await page.GotoAsync("/dashboard/endpoints/switching");
        await Assertions.Expect(page.Locator("tr[data-deployment=blue] [data-default]")).ToHaveCountAsync(1);

        await page.GetByRole(AriaRole.Button, new() { Name = "Make green the default deployment" }).ClickAsync();

        await Assertions.Expect(page.Locator("tr[data-deployment=green] [data-default]")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("tr[data-deployment=blue] [data-default]")).ToHaveCountAsync(0);
        var endpoint = await fixture.GetAsync(fixture.ContributorKey, "/v1/endpoints/switching");
        Assert.Equal("green", endpoint.GetProperty("defaults").GetProperty("deployment_name").GetString());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_reader_sees_deployments_but_cannot_change_or_invoke()
    {
        var page = await fixture.SignInAsync(fixture.ReaderKey);
        await page.GotoAsync("/dashboard/endpoints/cancer");

        await Assertions.Expect(page.Locator("tr[data-deployment=big-batches]")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Make big-batches the default deployment" })).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Start job" })).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Invoking_on_an_uploaded_file_with_overrides_lands_on_the_new_job()
    {
        var page = await fixture.SignInAsync(fixture.ContributorKey);
        await page.GotoAsync("/dashboard/endpoints/cancer");

        await page.GetByLabel("Deployment", new() { Exact = true }).SelectOptionAsync("big-batches");
        await page.GetByLabel("Files to score").SetInputFilesAsync(Path.Combine(fixture.Inputs, "small.csv"));
        await page.GetByLabel("mini_batch_size").FillAsync("50 rows");
        await page.GetByLabel("max_concurrency_per_instance").FillAsync("2");
        await page.GetByLabel("Output file name").FillAsync("scores.csv");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start job" }).ClickAsync();

        await page.WaitForURLAsync("**/dashboard/jobs/batchjob-*");
        var job = page.Url[(page.Url.LastIndexOf('/') + 1)..];
        await Assertions.Expect(page.Locator("section.job [data-field=status]").First).ToHaveTextAsync("Completed", new() { Timeout = 60_000 });
        await Assertions.Expect(page.Locator("dl.details")).ToContainTextAsync(["big-batches, version 1 (pinned)", "50 rows"]);
        var response = await fixture.GetAsync(fixture.ContributorKey, $"/v1/jobs/{job}");
        Assert.Equal("scores.csv", response.GetProperty("output").GetProperty("file_name").GetString());
        Assert.Equal(2, response.GetProperty("settings").GetProperty("max_concurrency_per_instance").GetInt32());
        Assert.Equal(12, response.GetProperty("progress").GetProperty("mini_batches").GetProperty("total").GetInt32());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_path_outside_the_data_roots_shows_the_apis_message()
    {
        var page = await fixture.SignInAsync(fixture.ContributorKey);
        await page.GotoAsync("/dashboard/endpoints/cancer");

        await page.GetByLabel("Path under the data roots").CheckAsync();
        await page.GetByLabel("Path", new() { Exact = true }).FillAsync("/etc/passwd");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start job" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("is not allowed");
        Assert.DoesNotContain("   at ", await page.ContentAsync(), StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_model_shows_its_signature_and_takes_a_new_version()
    {
        var page = await fixture.SignInAsync(fixture.ContributorKey);
        await page.GotoAsync("/dashboard/models");
        await page.GetByRole(AriaRole.Link, new() { Name = "cancer-clf" }).ClickAsync();
        await Assertions.Expect(page.Locator("table.signature").First).ToContainTextAsync("float");
        var versions = await page.Locator("section.version").CountAsync();

        await page.GetByLabel("ONNX file(s)").SetInputFilesAsync(RepositoryPaths.BreastCancerModel);
        await page.GetByLabel("Description").FillAsync("retrained");
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload version" }).ClickAsync();

        await Assertions.Expect(page.Locator("section.version")).ToHaveCountAsync(versions + 1);
        await Assertions.Expect(page.Locator("section.version").First).ToContainTextAsync("retrained");

        await page.GetByLabel("ONNX file(s)").SetInputFilesAsync(Path.Combine(fixture.Inputs, "small.csv"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload version" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("ONNX Runtime cannot load 'small.csv'");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_data_asset_registered_on_its_page_is_an_invoke_input()
    {
        var page = await fixture.SignInAsync(fixture.ContributorKey);
        await page.GotoAsync("/dashboard/data");
        await page.GetByLabel("Name").FillAsync("screening-rows");
        await page.GetByLabel("Path").FillAsync(Path.Combine(fixture.Inputs, "small.csv"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Register version" }).ClickAsync();
        await page.WaitForURLAsync("**/dashboard/data/screening-rows");
        await Assertions.Expect(page.Locator("tbody tr")).ToContainTextAsync("uri_file");

        await page.GotoAsync("/dashboard/endpoints/cancer");
        await page.GetByLabel("Data asset", new() { Exact = true }).First.CheckAsync();
        await page.Locator("#input-data").SelectOptionAsync(new SelectOptionValue { Label = "screening-rows (latest: v1)" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Start job" }).ClickAsync();

        await page.WaitForURLAsync("**/dashboard/jobs/batchjob-*");
        await Assertions.Expect(page.Locator("dl.details")).ToContainTextAsync(["azureml:screening-rows:1"]);
        await Assertions.Expect(page.Locator("section.job [data-field=status]").First).ToHaveTextAsync("Completed", new() { Timeout = 60_000 });
        await page.Context.CloseAsync();
    }
}
