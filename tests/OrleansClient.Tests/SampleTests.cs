using System.Diagnostics;
using OrleansBatch.Api.Tests.Support;

namespace OrleansBatch.OrleansClient.Tests;

/// <summary>samples/orleans-client, run as its own process against the platform, as the README says to run it.</summary>
[Collection(PlatformCollection.Name)]
public sealed class SampleTests(GatewayFixture platform) : IAsyncLifetime
{
    private readonly string _workDirectory = Directory.CreateTempSubdirectory("obatch-orleans-sample-").FullName;
    private TenantScenario _scenario = null!;

    public async Task InitializeAsync() => _scenario = await TenantScenario.StartAsync(platform, withEndpoint: false);

    public async Task DisposeAsync()
    {
        await _scenario.DisposeAsync();
        Directory.Delete(_workDirectory, recursive: true);
    }

    [Fact]
    public async Task The_sample_creates_its_endpoint_invokes_it_prints_progress_and_downloads_the_rows_in_order()
    {
        var input = _scenario.AddInput(platform, "wine.csv");

        var (exitCode, output, errors) = await RunSampleAsync(input);

        Assert.True(exitCode == 0, $"exit code {exitCode}: {errors}\n{output}");
        Assert.Contains($"invoked on wine/forest@1 for tenant {_scenario.Tenant}", output, StringComparison.Ordinal);
        Assert.True(output.Contains("Completed  100.0%  mini-batches 9/9  rows 178", StringComparison.Ordinal), output);
        Assert.Contains("output: jobs/", output, StringComparison.Ordinal);
        Samples.AssertSameRows(Samples.WineExpected, File.ReadAllLines(Path.Combine(_workDirectory, "wine-predictions.csv")));
        Assert.Equal("forest", (await _scenario.Batch.Endpoints.GetAsync("wine")).State.DefaultDeployment);
    }

    private async Task<(int ExitCode, string Output, string Errors)> RunSampleAsync(string input)
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        var dll = Path.Combine(RepositoryPaths.Root, "samples", "orleans-client", "bin", configuration, "net10.0", "OrleansBatch.Samples.OrleansClient.dll");
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = _workDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add(input);
        start.Environment["OBATCH_TENANT"] = _scenario.Tenant;
        start.Environment["OBATCH_GATEWAY_PORT"] = platform.GatewayPort().ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["OBATCH_PROVIDER"] = "Local";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        try
        {
            await process.WaitForExitAsync(guard.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        return (process.ExitCode, await output, await errors);
    }
}
