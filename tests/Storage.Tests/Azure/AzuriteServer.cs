using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace OrleansBatch.Storage.Tests.Azure;

/// <summary>
/// A real Azurite (npm azurite, pinned in tools/azurite) started on free loopback ports with in-memory
/// persistence. Installs it with <c>npm ci</c> first when tools/azurite/node_modules is missing, so
/// <c>dotnet test</c> alone works. Stopped (process tree killed) by <see cref="DisposeAsync"/>.
/// </summary>
public sealed class AzuriteServer : IAsyncDisposable
{
    private static readonly SemaphoreSlim InstallGate = new(1, 1);

    private readonly Process _process;
    private readonly string _workspace;

    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _output;

    private AzuriteServer(Process process, string workspace, int blobPort, int queuePort, int tablePort, System.Collections.Concurrent.ConcurrentQueue<string> output)
    {
        TablePort = tablePort;
        _output = output;
        _process = process;
        _workspace = workspace;
        BlobPort = blobPort;
        QueuePort = queuePort;
    }

    public int BlobPort { get; }

    public int QueuePort { get; }

    public int TablePort { get; }

    /// <summary>Azurite's well-known account name.</summary>
    public const string DevelopmentAccountName = "devstoreaccount1";

    /// <summary>Azurite's well-known account key (public, documented; it protects nothing).</summary>
    public const string DevelopmentAccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    /// <summary>Connection string for the well-known development account on this server's ports (blob, queue and table).</summary>
    public string ConnectionString => ForDevelopmentStorage(BlobPort, QueuePort, TablePort);

    /// <summary>A connection string for Azurite's well-known account on the given loopback ports, naming each endpoint.</summary>
    public static string ForDevelopmentStorage(int blobPort, int queuePort, int tablePort) =>
        $"DefaultEndpointsProtocol=http;AccountName={DevelopmentAccountName};AccountKey={DevelopmentAccountKey};" +
        $"BlobEndpoint=http://127.0.0.1:{blobPort}/{DevelopmentAccountName};QueueEndpoint=http://127.0.0.1:{queuePort}/{DevelopmentAccountName};" +
        $"TableEndpoint=http://127.0.0.1:{tablePort}/{DevelopmentAccountName};";

    /// <summary>The same as <see cref="ConnectionString"/>, which names the table endpoint too (for Orleans' Azure providers).</summary>
    public string SdkConnectionString => ConnectionString;

    /// <summary>Free loopback ports, taken from the OS (bound to port 0, then released).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>
    /// Starts Azurite on the given (or free) ports and waits until both services accept connections. <paramref name="otherAccounts"/>
    /// (name to base64 key) are served besides the well-known account (Azurite's <c>AZURITE_ACCOUNTS</c>).
    /// </summary>
    public static async Task<AzuriteServer> StartAsync(int? blobPort = null, int? queuePort = null, bool waitUntilUp = true, IReadOnlyDictionary<string, string>? otherAccounts = null)
    {
        var executable = await EnsureInstalledAsync();
        var blob = blobPort ?? FreePort();
        var queue = queuePort ?? FreePort();
        var table = FreePort();
        var workspace = Path.Combine(Path.GetTempPath(), "obatch-azurite", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(workspace);

        // Through a small bash watchdog: it runs Azurite and stops it when our end of its stdin closes, so
        // Azurite dies with this process even when the test host is killed rather than shut down.
        var start = new ProcessStartInfo("bash")
        {
            WorkingDirectory = workspace,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
                 {
                     "-c", "\"$0\" \"$@\" & server=$!; cat > /dev/null; kill $server; wait $server", executable,
                     "--blobHost", "127.0.0.1", "--blobPort", blob.ToString(),
                     "--queueHost", "127.0.0.1", "--queuePort", queue.ToString(),
                     "--tableHost", "127.0.0.1", "--tablePort", table.ToString(),
                     "--inMemoryPersistence", "--skipApiVersionCheck", "--disableTelemetry", "--silent",
                 })
            start.ArgumentList.Add(argument);
        if (otherAccounts is { Count: > 0 })
        {
            // Naming any account replaces the well-known one, so it is named too.
            start.Environment["AZURITE_ACCOUNTS"] = string.Join(";", otherAccounts.Prepend(new(DevelopmentAccountName, DevelopmentAccountKey)).Select(a => $"{a.Key}:{a.Value}"));
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {executable}.");
        // Drain its output so a full pipe never blocks it; keep the tail to explain a failed start.
        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        void Keep(object _, DataReceivedEventArgs e)
        {
            if (e.Data is null)
                return;
            output.Enqueue(e.Data);
            while (output.Count > 40)
                output.TryDequeue(out string? _);
        }
        process.OutputDataReceived += Keep;
        process.ErrorDataReceived += Keep;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var server = new AzuriteServer(process, workspace, blob, queue, table, output);
        if (waitUntilUp)
            await server.WaitUntilUpAsync();
        return server;
    }

    /// <summary>Waits until the blob, queue and table ports accept connections (at most 60 s).</summary>
    public async Task WaitUntilUpAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        foreach (var port in new[] { BlobPort, QueuePort, TablePort })
        {
            while (true)
            {
                if (_process.HasExited)
                    throw new InvalidOperationException($"Azurite exited with code {_process.ExitCode} before listening on port {port}: {string.Join(Environment.NewLine, _output)}");
                try
                {
                    using var client = new TcpClient();
                    await client.ConnectAsync(IPAddress.Loopback, port);
                    break;
                }
                catch (SocketException) when (DateTime.UtcNow < deadline)
                {
                    await Task.Delay(50);
                }
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        _process.Dispose();
        try
        {
            Directory.Delete(_workspace, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>The azurite launcher in tools/azurite, installed with <c>npm ci</c> from the lock file when missing.</summary>
    private static async Task<string> EnsureInstalledAsync()
    {
        var tools = Path.Combine(RepositoryRoot(), "tools", "azurite");
        var executable = Path.Combine(tools, "node_modules", ".bin", "azurite");
        await InstallGate.WaitAsync();
        try
        {
            if (File.Exists(executable))
                return executable;
            var install = new ProcessStartInfo("npm", "ci --no-audit --no-fund") { WorkingDirectory = tools, UseShellExecute = false };
            using var npm = Process.Start(install) ?? throw new InvalidOperationException("Could not start npm; install Node.js and npm.");
            await npm.WaitForExitAsync();
            if (npm.ExitCode != 0 || !File.Exists(executable))
                throw new InvalidOperationException($"'npm ci' in {tools} failed (exit {npm.ExitCode}); run scripts/setup.d/azurite.sh to see why.");
            return executable;
        }
        finally
        {
            InstallGate.Release();
        }
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "tools", "azurite", "package.json")))
                return directory.FullName;
        }
        throw new InvalidOperationException($"No tools/azurite/package.json above {AppContext.BaseDirectory}; run the tests from the repository.");
    }
}
