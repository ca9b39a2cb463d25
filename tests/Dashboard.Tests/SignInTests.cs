using Microsoft.Playwright;
using OrleansBatch.Dashboard.Tests.Support;

namespace OrleansBatch.Dashboard.Tests;

/// <summary>Signing in and out with an API key, the session cookie, and the platform admin's pages.</summary>
[Collection(DashboardCollection.Name)]
public sealed class SignInTests(DashboardFixture fixture)
{
    [Fact]
    public async Task Signing_in_keeps_the_key_out_of_urls_and_cookies_and_signing_out_ends_the_session()
    {
        var page = await fixture.SignInAsync(fixture.ContributorKey);

        Assert.EndsWith("/dashboard/jobs", page.Url, StringComparison.Ordinal);
        await Assertions.Expect(page.Locator("header .who")).ToContainTextAsync("tenant-a · contributor");
        var cookie = Assert.Single(await page.Context.CookiesAsync(), c => c.Name == "__Host-obatch-dashboard");
        Assert.True(cookie.HttpOnly);
        Assert.True(cookie.Secure);
        Assert.Equal(SameSiteAttribute.Strict, cookie.SameSite);
        Assert.DoesNotContain(fixture.ContributorKey, cookie.Value, StringComparison.Ordinal);

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.WaitForURLAsync("**/dashboard/signin");
        await page.GotoAsync("/dashboard/jobs");
        Assert.Contains("/dashboard/signin?returnUrl=%2Fdashboard%2Fjobs", page.Url, StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_wrong_key_is_refused_with_a_message()
    {
        var context = await fixture.Browser.NewContextAsync(new() { BaseURL = fixture.Address.ToString() });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        Assert.EndsWith("/dashboard/signin?returnUrl=%2Fdashboard", page.Url, StringComparison.Ordinal);

        await page.GetByLabel("API key").FillAsync("obk_tenant-a_0000000000000000_wrong");
        var response = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync(), r => r.Request.Method == "POST");

        Assert.Equal(401, response.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("The API key is not valid (unknown, revoked or mistyped).");
        await context.CloseAsync();
    }

    [Fact]
    public async Task The_platform_admin_sees_the_tenants_the_cluster_and_the_Orleans_Dashboard_but_no_tenant_data()
    {
        var page = await fixture.SignInAsync(DashboardFixture.AdminKey);

        Assert.EndsWith("/dashboard/tenants", page.Url, StringComparison.Ordinal);
        await Assertions.Expect(page.Locator("table")).ToContainTextAsync("tenant-a");
        await Assertions.Expect(page.Locator("table")).ToContainTextAsync("tenant-b");

        await page.GetByRole(AriaRole.Link, new() { Name = "Cluster" }).ClickAsync();
        await Assertions.Expect(page.Locator("table tbody tr")).Not.ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("table tbody tr").First).ToContainTextAsync("Active");

        var orleans = await page.GotoAsync("/dashboard/orleans/", new() { WaitUntil = WaitUntilState.DOMContentLoaded, Timeout = 90_000 });
        Assert.Equal(200, orleans!.Status);
        Assert.Contains("Orleans", await page.TitleAsync(), StringComparison.OrdinalIgnoreCase);

        var response = await page.GotoAsync($"/dashboard/jobs/{fixture.OtherTenantJob}");
        Assert.Equal(403, response!.Status);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_tenant_key_opens_neither_the_platform_pages_nor_the_Orleans_Dashboard()
    {
        var page = await fixture.SignInAsync(fixture.ContributorKey);

        var response = await page.GotoAsync("/dashboard/tenants");

        Assert.Equal(403, response!.Status);
        Assert.DoesNotContain("tenant-b", await page.ContentAsync(), StringComparison.Ordinal);
        await page.GotoAsync("/dashboard/orleans/");
        Assert.Contains("/dashboard/signin", page.Url, StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }
}
