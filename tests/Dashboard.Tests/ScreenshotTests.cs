using Microsoft.Playwright;
using OrleansBatch.Dashboard.Tests.Support;

namespace OrleansBatch.Dashboard.Tests;

/// <summary>
/// Screenshots of the main pages at a laptop's size. They go to a temporary folder, or to the folder named by
/// <c>OBATCH_SCREENSHOTS</c> (<c>OBATCH_SCREENSHOTS=docs/dashboard</c> refreshes the README's pictures).
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class ScreenshotTests(DashboardFixture fixture)
{
    private static readonly byte[] PngSignature = [0x89, (byte)'P', (byte)'N', (byte)'G'];

    [Fact]
    public async Task The_main_pages_render_for_screenshots()
    {
        var folder = Environment.GetEnvironmentVariable("OBATCH_SCREENSHOTS") is { Length: > 0 } configured
            ? Path.GetFullPath(configured, Api.Tests.Support.RepositoryPaths.Root)
            : Directory.CreateTempSubdirectory("obatch-screenshots-").FullName;
        Directory.CreateDirectory(folder);
        var shots = new List<string>();

        var anonymous = await fixture.Browser.NewContextAsync(new() { BaseURL = fixture.Address.ToString(), ViewportSize = new() { Width = 1366, Height = 768 } });
        var signIn = await anonymous.NewPageAsync();
        await signIn.GotoAsync("/dashboard/signin");
        shots.Add(await ShootAsync(signIn, folder, "signin", fullPage: false));
        await anonymous.CloseAsync();

        await fixture.InvokeAsync(fixture.ContributorKey, "cancer", "small.csv");
        var job = await fixture.InvokeAsync(fixture.ContributorKey, "cancer", "large.csv", new { mini_batch_size = "200 rows" });
        var page = await fixture.SignInAsync(fixture.ContributorKey);
        await page.SetViewportSizeAsync(1366, 768);
        await page.GotoAsync("/dashboard/jobs");
        await Assertions.Expect(page.Locator($"tr[data-job='{job}']")).ToHaveCountAsync(1);
        shots.Add(await ShootAsync(page, folder, "jobs", fullPage: false));

        await page.GotoAsync($"/dashboard/jobs/{job}");
        // Let a few throughput samples arrive while it runs.
        await page.WaitForTimeoutAsync(3000);
        shots.Add(await ShootAsync(page, folder, "job-running", fullPage: true));
        await Assertions.Expect(page.Locator("section.job [data-field=status]").First).ToHaveTextAsync("Completed", new() { Timeout = 120_000 });
        await page.ReloadAsync();
        shots.Add(await ShootAsync(page, folder, "job-completed", fullPage: true));

        await page.GotoAsync("/dashboard/endpoints/cancer");
        shots.Add(await ShootAsync(page, folder, "endpoint", fullPage: true));
        await page.GotoAsync("/dashboard/models/cancer-clf");
        shots.Add(await ShootAsync(page, folder, "model", fullPage: true));
        await page.Context.CloseAsync();

        var admin = await fixture.SignInAsync(DashboardFixture.AdminKey);
        await admin.SetViewportSizeAsync(1366, 768);
        await admin.GotoAsync("/dashboard/cluster");
        shots.Add(await ShootAsync(admin, folder, "cluster", fullPage: false));
        await admin.GotoAsync("/dashboard/orleans/");
        await admin.WaitForTimeoutAsync(2000); // its own script fetches the statistics
        shots.Add(await ShootAsync(admin, folder, "orleans", fullPage: false));
        await admin.Context.CloseAsync();

        foreach (var shot in shots)
            Assert.Equal(PngSignature, (await File.ReadAllBytesAsync(shot))[..4]);
    }

    private static async Task<string> ShootAsync(IPage page, string folder, string name, bool fullPage)
    {
        var path = Path.Combine(folder, name + ".png");
        await page.ScreenshotAsync(new() { Path = path, FullPage = fullPage });
        return path;
    }
}
