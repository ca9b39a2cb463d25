using OrleansBatch.Api.Tests.Support;
using OrleansBatch.Cli.Hosting;

namespace OrleansBatch.Cli.Tests.Support;

/// <summary>
/// Runs <c>obatch</c>'s entry point in this process against the in-process gateway of a <see cref="GatewayFixture"/>,
/// with its own stdout/stderr capture (redirected: plain progress lines), environment and profile folder.
/// </summary>
public sealed class InProcessCli(GatewayFixture gateway, string apiKey) : IDisposable
{
    private readonly Dictionary<string, string> _environment = new() { ["OBATCH_ENDPOINT"] = gateway.Server.BaseAddress.ToString(), ["OBATCH_API_KEY"] = apiKey };

    public string ConfigDirectory { get; } = Directory.CreateTempSubdirectory("obatch-cli-config-").FullName;

    public IDictionary<string, string> Environment => _environment;

    /// <summary>Whether stderr plays a terminal (live progress bar) instead of a redirected stream (plain lines).</summary>
    public bool ErrorIsTerminal { get; set; }

    /// <summary>Whether stdout plays the same terminal.</summary>
    public bool OutputIsTerminal { get; set; }

    public async Task<CliRun> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var context = new CliContext(output, error, ErrorIsTerminal, name => _environment.GetValueOrDefault(name), ConfigDirectory, gateway.Server.CreateHandler(), OutputIsTerminal);
        var code = await ObatchCli.RunAsync(args, context);
        return new CliRun(code, output.ToString(), error.ToString());
    }

    /// <summary>Runs and asserts the exit code, returning stdout trimmed.</summary>
    public async Task<string> OkAsync(params string[] args)
    {
        var run = await RunAsync(args);
        Assert.True(run.ExitCode == 0, run.ToString());
        return run.Output.Trim();
    }

    public void Dispose() => Directory.Delete(ConfigDirectory, recursive: true);
}
