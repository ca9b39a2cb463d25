using System.Diagnostics;
using OrleansBatch.Api.Tests.Support;
using OrleansBatch.EndToEnd.Tests.Support;

namespace OrleansBatch.EndToEnd.Tests.Cluster;

/// <summary>A silo or gateway process with a bad provider setting stops at once with a message naming the setting, and no stack trace.</summary>
public sealed class StartupErrorTests
{
    [Theory]
    [InlineData(true, "AzureStorage", "OBATCH_STORAGE_CONNECTION_STRING")]
    [InlineData(true, "Cosmos", "'Cosmos' is not a provider")]
    [InlineData(false, "AzureStorage", "OBATCH_STORAGE_CONNECTION_STRING")]
    public async Task A_bad_provider_setting_stops_the_process_with_what_to_fix(bool silo, string provider, string expected)
    {
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetTempPath() };
        start.ArgumentList.Add(silo ? SiloRun.SiloDll : RepositoryPaths.Built("Api", "OrleansBatch.Api.dll"));
        start.Environment["OBATCH_PROVIDER"] = provider;
        start.Environment.Remove("OBATCH_STORAGE_CONNECTION_STRING");
        start.Environment["OBATCH_DATA_DIR"] = Path.Combine(Path.GetTempPath(), "obatch-startup-" + Guid.NewGuid().ToString("N"));
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.Equal(2, process.ExitCode);
        var error = await stderr;
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error + await stdout, StringComparison.Ordinal);
    }
}
