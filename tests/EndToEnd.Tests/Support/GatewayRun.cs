using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace OrleansBatch.EndToEnd.Tests.Support;

/// <summary>
/// The gateway (with its embedded silo) as a real process, <c>dotnet OrleansBatch.Api.dll</c>, on a data
/// directory and data root; can be killed with SIGKILL and started again on the same directory.
/// </summary>
public sealed class GatewayRun : IAsyncDisposable
{
    public const string AdminKey = "e2e-platform-admin-key-0123456789abcdef";
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private GatewayRun(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    public string Output { get { lock (_output) return _output.ToString(); } }

    /// <summary>Starts the gateway; <paramref name="environment"/> adds or overrides settings (e.g. the provider).</summary>
    public static async Task<GatewayRun> StartAsync(string dataDirectory, string dataRoot, IReadOnlyDictionary<string, string>? environment = null)
    {
        var address = new Uri($"http://127.0.0.1:{FreePort()}/");
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = dataDirectory };
        start.ArgumentList.Add(Repository.GatewayDll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(address.ToString().TrimEnd('/'));
        start.Environment["OBATCH_DATA_DIR"] = dataDirectory;
        start.Environment["OBATCH_ADMIN_KEY"] = AdminKey;
        start.Environment["OBATCH_DATA_ROOTS"] = dataRoot;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        // Short lease and visibility timeouts, so a killed process's job resumes soon after a restart.
        start.Environment["Jobs__LeaseTtl"] = "00:00:03";
        start.Environment["Jobs__VisibilityTimeout"] = "00:00:03";
        start.Environment["Jobs__RetryBackoff"] = "00:00:01";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
            start.Environment[key] = value;
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var run = new GatewayRun(process, address);
        process.OutputDataReceived += (_, e) => run.Append(e.Data);
        process.ErrorDataReceived += (_, e) => run.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await run.WaitUntilHealthyAsync();
        return run;
    }

    /// <summary>kill -9: no shutdown code runs, leases and queue messages are left as they were.</summary>
    public async Task KillAsync()
    {
        using (var kill = Process.Start("kill", ["-KILL", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
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
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
    }

    private async Task WaitUntilHealthyAsync()
    {
        using var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        // A start-up guard, not a timing assertion.
        for (var attempt = 0; attempt < 600; attempt++)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"The gateway exited with {_process.ExitCode}:\n{Output}");
            try
            {
                if ((await client.GetAsync("/healthz")).StatusCode == HttpStatusCode.OK)
                    return;
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(100);
        }
        throw new InvalidOperationException($"The gateway did not become healthy:\n{Output}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
