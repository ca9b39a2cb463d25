using System.Diagnostics;
using OrleansBatch.Api.Tests.Support;

namespace OrleansBatch.Cli.Tests;

/// <summary><c>obatch</c> is a .NET tool: what <c>dotnet pack</c> makes installs with <c>dotnet tool install --add-source</c> and runs.</summary>
public sealed class ToolPackageTests
{
    [Fact]
    public async Task The_packed_tool_installs_and_runs()
    {
        using var work = new TempDirectory();
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        var packages = Path.Combine(work.Path, "packages");
        var tools = Path.Combine(work.Path, "tools");

        await DotnetAsync("pack", Path.Combine(RepositoryPaths.Root, "src", "Cli"), "-c", configuration, "--no-build", "-o", packages);
        await DotnetAsync("tool", "install", "obatch", "--tool-path", tools, "--add-source", packages);

        var help = await RunAsync(Path.Combine(tools, "obatch"), "batch-endpoint", "invoke", "--help");
        Assert.Contains("--mini-batch-size", help);
        Assert.Contains("--wait", help);
    }

    private static Task<string> DotnetAsync(params string[] arguments) =>
        RunAsync(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet", arguments);

    private static async Task<string> RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{program} {string.Join(' ', arguments)}: exit {process.ExitCode}\n{await output}\n{await error}");
        return await output;
    }
}
