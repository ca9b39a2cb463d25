using OrleansBatch.Api.Tests.Support;
using OrleansBatch.Cli.Tests.Support;

namespace OrleansBatch.Cli.Tests;

/// <summary>
/// The README's walkthrough, exactly as written there (the bash block between the walkthrough markers), run top to
/// bottom against a first start of the gateway in a fresh folder, so it cannot rot.
/// </summary>
public sealed class ReadmeWalkthroughTests
{
    private const string Begin = "<!-- walkthrough: begin (run by tests/Cli.Tests/ReadmeWalkthroughTests.cs) -->";
    private const string End = "<!-- walkthrough: end -->";

    [Fact]
    public async Task The_readme_walkthrough_runs_as_written_on_a_first_start()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md"));
        var block = readme[(readme.IndexOf(Begin, StringComparison.Ordinal) + Begin.Length)..readme.IndexOf(End, StringComparison.Ordinal)].Trim();
        Assert.StartsWith("```bash\n", block);
        Assert.EndsWith("\n```", block);
        var script = "set -euo pipefail\n" + block["```bash\n".Length..^"\n```".Length];

        using var work = new TempDirectory();
        File.CreateSymbolicLink(Path.Combine(work.Path, "samples"), Path.Combine(RepositoryPaths.Root, "samples"));
        var scriptFile = Path.Combine(work.Path, "walkthrough.sh");
        File.WriteAllText(scriptFile, script);
        // The first start in this folder: ./.obatch is created by the gateway, with a generated admin key.
        var data = Directory.CreateDirectory(Path.Combine(work.Path, ".obatch")).FullName;
        await using var gateway = await GatewayProcess.StartAsync(data, adminKey: null);
        Assert.Contains($"admin key:   {Path.Combine(data, "admin.key")} (generated now, mode 0600)", gateway.Output);
        Assert.Contains($"dashboard:   {gateway.Address.ToString().TrimEnd('/')}/dashboard", gateway.Output);

        var run = await Scripts.RunBashAsync(scriptFile, work.Path, new Dictionary<string, string>
        {
            ["XDG_CONFIG_HOME"] = Path.Combine(work.Path, "config"),
            ["OBATCH_ENDPOINT"] = gateway.Address.ToString().TrimEnd('/'),
        });

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(61, File.ReadAllLines(Path.Combine(work.Path, "out", "named-outputs", "score", "predictions.csv")).Length);
        Assert.Contains("\"status\":\"Completed\"", run.Output.Replace(" ", ""));
    }
}
