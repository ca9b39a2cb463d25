using System.Text.RegularExpressions;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace OrleansBatch.Api.Tests.Support;

/// <summary>
/// The built gateway (<c>dotnet OrleansBatch.Api.dll --urls ...</c>) running as its own process on a given
/// data directory. Stopped with SIGTERM (a graceful shutdown) or killed on dispose.
/// </summary>
public sealed partial class GatewayProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private GatewayProcess(Process process) => _process = process;

    /// <summary>Where the gateway listens: a port the gateway itself took (port 0), read from its start-up log line.</summary>
    public Uri Address { get; private set; } = null!;

    /// <summary>The gateway's process id (to read its memory from /proc).</summary>
    public int ProcessId => _process.Id;

    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    /// <summary>Starts the gateway; <paramref name="environment"/> adds or overrides environment variables (e.g. <c>OBATCH_DATA_ROOTS</c>).</summary>
    public static async Task<GatewayProcess> StartAsync(string dataDirectory, string? adminKey, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = dataDirectory,
        };
        start.ArgumentList.Add(GatewayDll());
        start.ArgumentList.Add("--urls");
        // Port 0: the gateway binds a free port itself, so no other process can take it between a pick and the bind.
        start.ArgumentList.Add("http://127.0.0.1:0");
        start.Environment["OBATCH_DATA_DIR"] = dataDirectory;
        if (adminKey is null)
            start.Environment.Remove("OBATCH_ADMIN_KEY");
        else
            start.Environment["OBATCH_ADMIN_KEY"] = adminKey;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Logging__LogLevel__OrleansBatch"] = "Information";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
            start.Environment[name] = value;

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var gateway = new GatewayProcess(process);
        process.OutputDataReceived += (_, e) => gateway.Append(e.Data);
        process.ErrorDataReceived += (_, e) => gateway.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await gateway.WaitUntilHealthyAsync();
        return gateway;
    }

    public HttpClient Client(string key)
    {
        var client = new HttpClient { BaseAddress = Address };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    /// <summary>Graceful stop (SIGTERM), as a service manager would do it.</summary>
    public async Task StopAsync()
    {
        if (_process.HasExited)
            return;
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString()]))
            await kill.WaitForExitAsync();
        await _process.WaitForExitAsync();
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

    private void Append(string? line)
    {
        if (line is null)
            return;
        lock (_output)
            _output.AppendLine(line);
    }

    private async Task WaitUntilHealthyAsync()
    {
        await WaitForAddressAsync();
        using var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        // A start-up guard, not a timing assertion: give up only if the process never comes up.
        for (var attempt = 0; attempt < 600; attempt++)
        {
            if (_process.HasExited)
            {
                // Waits for the redirected output to reach its end too, so the message holds what the process printed.
                _process.WaitForExit();
                throw new InvalidOperationException($"The gateway exited with {_process.ExitCode}:\n{Output}");
            }
            try
            {
                if ((await client.GetAsync("/healthz")).StatusCode == HttpStatusCode.OK)
                    return;
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            catch (TaskCanceledException)
            {
                // listening, but still starting (a loaded machine): ask again
            }
            await Task.Delay(100);
        }
        throw new InvalidOperationException($"The gateway did not become healthy:\n{Output}");
    }

    private static string GatewayDll() => RepositoryPaths.Built("Api", "OrleansBatch.Api.dll");

    /// <summary>Reads the address from the gateway's "listening on" log line (a start-up guard, not a timing assertion).</summary>
    private async Task WaitForAddressAsync()
    {
        for (var attempt = 0; attempt < 3000; attempt++)
        {
            if (ListeningOn().Match(Output) is { Success: true } listening)
            {
                Address = new Uri(listening.Groups[1].Value);
                return;
            }
            if (_process.HasExited)
            {
                _process.WaitForExit();
                throw new InvalidOperationException($"The gateway exited with {_process.ExitCode}:\n{Output}");
            }
            await Task.Delay(20);
        }
        throw new InvalidOperationException($"The gateway did not say where it listens:\n{Output}");
    }

    [GeneratedRegex(@"listening on (http://[^;\s]+);")]
    private static partial Regex ListeningOn();
}
