namespace OrleansBatch.Storage.Tests.Azure;

/// <summary>
/// One Azurite for the Azure test classes: each class holds it through <see cref="AzuriteFixture"/>.
/// When the last holder lets go it is stopped after a short grace period (the runner starts the next
/// class in a moment, and restarting costs a node start-up), and at the latest when the test process
/// exits. Classes isolate themselves by their own container prefixes and queue names.
/// </summary>
internal static class SharedAzurite
{
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(5);
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static AzuriteServer? _server;
    private static int _holders;
    private static int _generation;

    static SharedAzurite() =>
        AppDomain.CurrentDomain.ProcessExit += (_, _) => _server?.DisposeAsync().AsTask().GetAwaiter().GetResult();

    public static async Task<AzuriteServer> AcquireAsync()
    {
        await Gate.WaitAsync();
        try
        {
            _server ??= await AzuriteServer.StartAsync();
            _holders++;
            _generation++;
            return _server;
        }
        finally
        {
            Gate.Release();
        }
    }

    public static async Task ReleaseAsync()
    {
        int generation;
        await Gate.WaitAsync();
        try
        {
            if (--_holders > 0)
                return;
            generation = _generation;
        }
        finally
        {
            Gate.Release();
        }

        _ = Task.Run(async () =>
        {
            await Task.Delay(Grace);
            await Gate.WaitAsync();
            try
            {
                // Nobody took it again during the grace period: stop it.
                if (_holders == 0 && _generation == generation && _server is not null)
                {
                    await _server.DisposeAsync();
                    _server = null;
                }
            }
            finally
            {
                Gate.Release();
            }
        });
    }
}
