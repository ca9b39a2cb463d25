using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OrleansBatch.Dashboard.Tests.Support;

namespace OrleansBatch.Dashboard.Tests;

/// <summary>The job list and a job's page in Chromium: live progress, errors, log, download, cancel, and who may see and do what.</summary>
[Collection(DashboardCollection.Name)]
public sealed class JobPagesTests(DashboardFixture fixture)
{
    [Fact]
    public async Task A_running_job_moves_live_to_completed_with_its_errors_log_and_output()
    {
        var page = await fixture.SignInAsync(fixture.ContributorKey);
        var job = await fixture.InvokeAsync(fixture.ContributorKey, "cancer", "large.csv", new { mini_batch_size = "50 rows", max_concurrency_per_instance = 1 });

        await page.GotoAsync($"/dashboard/jobs/{job}");
        await page.EvaluateAsync("window.loadedOnce = true");
        var bar = page.Locator("section.job [data-progress]").First;
        var seen = new List<double>();
        var status = page.Locator("section.job [data-field=status]").First;
        // Watch the bar while the job runs: it moves without a reload (the marker set above survives).
        while (await status.TextContentAsync() != "Completed")
        {
            seen.Add(double.Parse(await bar.GetAttributeAsync("aria-valuenow") ?? "0", System.Globalization.CultureInfo.InvariantCulture));
            await page.WaitForTimeoutAsync(200);
            Assert.True(seen.Count < 1500, "the job did not complete");
        }
        Assert.True(await page.EvaluateAsync<bool>("window.loadedOnce === true"), "the page was reloaded");
        Assert.Contains(seen, p => p > 0 && p < 100);
        Assert.True(seen.Distinct().Count() >= 2, $"the progress never moved: {string.Join(", ", seen.Distinct())}");
        await Assertions.Expect(bar).ToHaveAttributeAsync("aria-valuenow", "100");
        // The log followed live: the owner's closing line arrived through the event stream.
        await Assertions.Expect(page.Locator("[data-log]")).ToContainTextAsync("completed");
        await Assertions.Expect(page.Locator("[data-silos] tr")).Not.ToHaveCountAsync(0);

        // The error report, grouped: one line per distinct error, 60 rows in all.
        await page.ReloadAsync();
        var errors = page.Locator("#errors");
        await Assertions.Expect(errors).ToContainTextAsync("60 item error(s)");
        await Assertions.Expect(errors.Locator("tbody tr").First).ToContainTextAsync("large.csv");
        await Assertions.Expect(page.Locator("[data-log]")).ToContainTextAsync("job created");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download output" }).ClickAsync());
        var path = await download.PathAsync();
        var lines = await File.ReadAllLinesAsync(path!);
        Assert.StartsWith("file_name,row", lines[0], StringComparison.Ordinal);
        Assert.Equal(60_000 - 60 + 1, lines.Length);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_job_list_shows_jobs_newest_first_updates_them_live_and_filters()
    {
        var page = await fixture.SignInAsync(fixture.ContributorKey);
        var first = await fixture.InvokeAsync(fixture.ContributorKey, "cancer", "small.csv");
        var second = await fixture.InvokeAsync(fixture.ContributorKey, "cancer", "large.csv", new { mini_batch_size = "500 rows" }, deployment: "big-batches");

        await page.GotoAsync("/dashboard/jobs");
        await page.EvaluateAsync("window.loadedOnce = true");
        var names = (await page.Locator("table.jobs tbody tr th a").AllTextContentsAsync()).ToList();
        Assert.True(names.IndexOf(second) < names.IndexOf(first), "newest first");
        // The running job's row turns Completed by server push, without a reload.
        Assert.NotEqual("Completed", await page.Locator($"tr[data-job='{second}'] [data-field=status]").TextContentAsync());
        await Assertions.Expect(page.Locator($"tr[data-job='{second}'] [data-field=status]")).ToHaveTextAsync("Completed", new() { Timeout = 120_000 });
        await Assertions.Expect(page.Locator($"tr[data-job='{second}'] [data-progress]")).ToHaveAttributeAsync("aria-valuenow", "100");
        Assert.True(await page.EvaluateAsync<bool>("window.loadedOnce === true"), "the page was reloaded");
        await Assertions.Expect(page.Locator($"tr[data-job='{first}'] [data-field=status]")).ToHaveTextAsync("Completed");

        await page.GetByLabel("Deployment").FillAsync("big-batches");
        await page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        names = (await page.Locator("table.jobs tbody tr th a").AllTextContentsAsync()).ToList();
        Assert.Contains(second, names);
        Assert.DoesNotContain(first, names);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_contributor_cancels_a_running_job()
    {
        var job = await fixture.InvokeAsync(fixture.ContributorKey, "cancer", "large.csv", new { mini_batch_size = "50 rows" });
        var page = await fixture.SignInAsync(fixture.ContributorKey);
        await page.GotoAsync($"/dashboard/jobs/{job}");

        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel job" }).ClickAsync();

        await Assertions.Expect(page.Locator("section.job [data-field=status]").First).ToHaveTextAsync(new Regex("CancelRequested|Canceled"));
        await fixture.WaitForStatusAsync(fixture.ContributorKey, job, "Canceled");
        await Assertions.Expect(page.Locator("section.job [data-field=status]").First).ToHaveTextAsync("Canceled");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_cancel_posted_after_the_job_ended_shows_why_it_was_refused()
    {
        var job = await fixture.InvokeAsync(fixture.ContributorKey, "cancer", "small.csv");
        var page = await fixture.SignInAsync(fixture.ContributorKey);
        await page.GotoAsync($"/dashboard/jobs/{job}");
        await fixture.WaitForStatusAsync(fixture.ContributorKey, job, "Completed");

        // The page was loaded while the job may still have run; the post reaches the server after it ended.
        var response = await page.RunAndWaitForResponseAsync(
            () => page.EvaluateAsync("() => document.querySelector('form[data-cancel]').requestSubmit()"), r => r.Request.Method == "POST");

        // The page answers with JobTerminal's status and shows its message (a bare 400 for an unknown form before).
        Assert.Equal(409, response.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("has already ended (Completed)");
        Assert.Equal("Completed", (await fixture.GetAsync(fixture.ContributorKey, $"/v1/jobs/{job}")).GetProperty("status").GetString());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_reader_sees_no_cancel_button_and_a_forged_cancel_is_refused()
    {
        var job = await fixture.InvokeAsync(fixture.ContributorKey, "cancer", "large.csv", new { mini_batch_size = "50 rows" });
        var page = await fixture.SignInAsync(fixture.ReaderKey);
        await page.GotoAsync($"/dashboard/jobs/{job}");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(job);
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Cancel job" })).ToHaveCountAsync(0);

        // Post the cancel form anyway, with a valid antiforgery token taken from the sign-out form.
        var response = await page.RunAndWaitForResponseAsync(() => page.EvaluateAsync(@"() => {
            const token = document.querySelector('form[action=""/dashboard/signout""] input[name=__RequestVerificationToken]').value;
            const form = document.createElement('form');
            form.method = 'post';
            form.innerHTML = `<input name=""__RequestVerificationToken"" value=""${token}""><input name=""_handler"" value=""cancel"">`;
            document.body.append(form);
            form.submit();
        }"), r => r.Request.Method == "POST");
        Assert.InRange(response.Status, 400, 499);

        var status = (await fixture.GetAsync(fixture.ContributorKey, $"/v1/jobs/{job}")).GetProperty("status").GetString();
        Assert.DoesNotContain(status, new[] { "CancelRequested", "Canceled" });
        using (var client = fixture.Client(fixture.ContributorKey))
            await client.PostAsync($"/v1/jobs/{job}/cancel", null);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Another_tenants_job_is_not_reachable_by_url()
    {
        var page = await fixture.SignInAsync(fixture.ContributorKey);
        var job = fixture.OtherTenantJob;

        var response = await page.GotoAsync($"/dashboard/jobs/{job}");
        Assert.Equal(404, response!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync($"Job '{job}' does not exist.");
        Assert.DoesNotContain("secret-endpoint", await page.ContentAsync(), StringComparison.Ordinal);

        Assert.Equal(404, (await page.APIRequest.GetAsync($"/dashboard/jobs/{job}/output")).Status);
        Assert.Equal(404, (await page.APIRequest.GetAsync($"/dashboard/events/jobs/{job}")).Status);
        await page.GotoAsync("/dashboard/jobs");
        Assert.DoesNotContain(job, await page.ContentAsync(), StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }
}
