using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using OrleansBatch.Api.Tests.Support;

namespace OrleansBatch.EndToEnd.Tests.Support;

/// <summary>A silo as a real process, <c>dotnet OrleansBatch.Silo.dll</c>; stopped with SIGTERM or killed with SIGKILL.</summary>
public sealed partial class SiloRun : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource<string> _started = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private SiloRun(Process process) => _process = process;

    /// <summary>The silo's id in the cluster (printed at start).</summary>
    public string Id { get; private set; } = "";

    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    public string Output { get { lock (_output) return _output.ToString(); } }

    public static async Task<SiloRun> StartAsync(string workingDirectory, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = workingDirectory };
        start.ArgumentList.Add(SiloDll);
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in environment)
            start.Environment[key] = value;
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var run = new SiloRun(process);
        process.OutputDataReceived += (_, e) => run.Append(e.Data);
        process.ErrorDataReceived += (_, e) => run.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        // A start-up guard, not a timing assertion.
        var exited = process.WaitForExitAsync();
        var first = await Task.WhenAny(run._started.Task, exited, Task.Delay(TimeSpan.FromSeconds(60)));
        if (first != run._started.Task)
        {
            await run.DisposeAsync();
            throw new InvalidOperationException($"The silo did not start:\n{run.Output}");
        }
        run.Id = await run._started.Task;
        return run;
    }

    /// <summary>kill -9: no shutdown code runs; Orleans declares the silo dead and its grains are activated elsewhere.</summary>
    public Task KillAsync() => SignalAsync("-KILL");

    /// <summary>SIGTERM: the silo drains (ShuttingDown, hands back its work) and exits; returns its exit code.</summary>
    public async Task<int> TerminateAsync()
    {
        await SignalAsync("-TERM");
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }

    private async Task SignalAsync(string signal)
    {
        using (var kill = Process.Start("kill", [signal, _process.Id.ToString(CultureInfo.InvariantCulture)]))
            await kill.WaitForExitAsync();
        await _process.WaitForExitAsync();
    }

    /// <summary>The silo host built in the same configuration as the caller.</summary>
    public static string SiloDll => RepositoryPaths.Built("Silo", "OrleansBatch.Silo.dll");

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
        if (Started().Match(line) is { Success: true } m)
            _started.TrySetResult(m.Groups["id"].Value);
    }

    [GeneratedRegex(@"^silo (?<id>\S+) started$")]
    private static partial Regex Started();
}
