using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;
using OrleansBatch.Api.Tests.Support;

namespace OrleansBatch.Dashboard.Tests.Support;

/// <summary>
/// The real gateway as its own process on a free loopback port (a browser needs a real socket), Debian's headless
/// Chromium driven by Playwright, and two tenants: <c>A</c> (a reader and a contributor key, models, an endpoint
/// with two deployments) and <c>B</c> (a contributor key and one job), plus input files under a data root.
/// </summary>
public sealed class DashboardFixture : IAsyncLifetime
{
    public const string AdminKey = "dashboard-tests-admin-key-0123456789";

    /// <summary>Debian's Chromium (scripts/setup.d/chromium.sh installs it); Playwright cannot download a browser here.</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly TempDirectory _data = new();
    private GatewayProcess? _gateway;
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = default!;

    public Uri Address => _gateway!.Address;

    /// <summary>The folder under the data roots holding the inputs.</summary>
    public string Inputs { get; private set; } = "";

    public string ReaderKey { get; private set; } = "";
    public string ContributorKey { get; private set; } = "";
    public string OtherTenantKey { get; private set; } = "";

    /// <summary>A completed job of tenant B, which tenant A must never reach.</summary>
    public string OtherTenantJob { get; private set; } = "";

    public async Task InitializeAsync()
    {
        Inputs = Directory.CreateDirectory(Path.Combine(_data.Path, "inputs")).FullName;
        WriteInputs();
        _gateway = await GatewayProcess.StartAsync(Directory.CreateDirectory(Path.Combine(_data.Path, "gateway")).FullName, AdminKey,
            new Dictionary<string, string> { ["OBATCH_DATA_ROOTS"] = Inputs });

        var a = await CreateTenantAsync("tenant-a", "reader", "contributor");
        ReaderKey = a["reader"];
        ContributorKey = a["contributor"];
        await SetUpEndpointAsync(ContributorKey, "cancer", "pipeline", "big-batches");
        OtherTenantKey = (await CreateTenantAsync("tenant-b", "contributor"))["contributor"];
        await SetUpEndpointAsync(OtherTenantKey, "secret-endpoint", "secret-deployment");
        OtherTenantJob = await InvokeAsync(OtherTenantKey, "secret-endpoint", "small.csv");

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-dev-shm-usage"],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
            await Browser.DisposeAsync();
        _playwright?.Dispose();
        if (_gateway is not null)
            await _gateway.DisposeAsync();
        _data.Dispose();
    }

    /// <summary>A new browser context (its own cookies) signed in with <paramref name="key"/>, on the page signing in led to.</summary>
    public async Task<IPage> SignInAsync(string key)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = Address.ToString(), AcceptDownloads = true, ViewportSize = new() { Width = 1366, Height = 900 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/dashboard/signin");
        await page.GetByLabel("API key").FillAsync(key);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/signin", StringComparison.Ordinal));
        return page;
    }

    public HttpClient Client(string key) => _gateway!.Client(key);

    /// <summary>Invokes <paramref name="endpoint"/> over REST on an input file; returns the job's name.</summary>
    public async Task<string> InvokeAsync(string key, string endpoint, string input, object? settings = null, string? deployment = null)
    {
        using var client = Client(key);
        var body = new Dictionary<string, object?>
        {
            ["input"] = new { type = "uri_file", path = Path.Combine(Inputs, input) },
            ["settings"] = settings,
            ["deployment_name"] = deployment,
        };
        using var response = await client.PostAsJsonAsync($"/v1/endpoints/{endpoint}/jobs", body);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("name").GetString()!;
    }

    public async Task<JsonElement> GetAsync(string key, string path)
    {
        using var client = Client(key);
        return await client.GetFromJsonAsync<JsonElement>(path);
    }

    /// <summary>Waits (a guard, not a timing assertion) until the job has the status.</summary>
    public async Task WaitForStatusAsync(string key, string job, params string[] statuses)
    {
        for (var i = 0; i < 1200; i++)
        {
            if (Array.IndexOf(statuses, (await GetAsync(key, $"/v1/jobs/{job}")).GetProperty("status").GetString()) >= 0)
                return;
            await Task.Delay(100);
        }
        throw new TimeoutException($"Job {job} never reached {string.Join(" or ", statuses)}.");
    }

    private async Task<Dictionary<string, string>> CreateTenantAsync(string name, params string[] roles)
    {
        using var admin = Client(AdminKey);
        (await admin.PostAsJsonAsync("/v1/tenants", new { name })).EnsureSuccessStatusCode();
        var keys = new Dictionary<string, string>();
        foreach (var role in roles)
        {
            using var response = await admin.PostAsJsonAsync($"/v1/tenants/{name}/keys", new { role });
            response.EnsureSuccessStatusCode();
            keys[role] = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("key").GetString()!;
        }
        return keys;
    }

    /// <summary>The breast-cancer pipeline (scaler, then classifier) behind an endpoint, once per deployment name; the first is the default.</summary>
    public async Task SetUpEndpointAsync(string key, string endpoint, params string[] deployments)
    {
        using var client = Client(key);
        foreach (var (model, path) in new[] { ("cancer-prep", RepositoryPaths.BreastCancerPreprocess), ("cancer-clf", RepositoryPaths.BreastCancerModel) })
        {
            using var content = TestTenant.ModelContent(path);
            (await client.PostAsync($"/v1/models/{model}/versions", content)).EnsureSuccessStatusCode();
        }
        (await client.PutAsJsonAsync($"/v1/endpoints/{endpoint}", new { description = "breast cancer screening" })).EnsureSuccessStatusCode();
        foreach (var deployment in deployments)
        {
            var body = new
            {
                type = "pipeline",
                steps = new[] { new { model = "cancer-prep@latest" }, new { model = "cancer-clf@latest" } },
                settings = new { mini_batch_size = "100 rows", max_concurrency_per_instance = 1 },
            };
            using var response = await client.PutAsJsonAsync($"/v1/endpoints/{endpoint}/deployments/{deployment}", body);
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        }
    }

    /// <summary>
    /// <c>small.csv</c>: the 569 sample rows. <c>large.csv</c>: the rows many times over, with one row in every 1,000
    /// made unreadable (an item error each), so a job over it runs for a few seconds and has an error report.
    /// </summary>
    private void WriteInputs()
    {
        var lines = File.ReadAllLines(RepositoryPaths.Sample("breast-cancer", "data", "breast_cancer.csv"));
        File.WriteAllLines(Path.Combine(Inputs, "small.csv"), lines);
        var large = new StringBuilder(lines[0]).Append('\n');
        var rows = lines.Skip(1).ToArray();
        for (var i = 0; i < 60_000; i++)
        {
            var row = rows[i % rows.Length];
            large.Append(i % 1000 == 999 ? "not-a-number" + row[row.IndexOf(',', StringComparison.Ordinal)..] : row).Append('\n');
        }
        File.WriteAllText(Path.Combine(Inputs, "large.csv"), large.ToString());
    }
}
