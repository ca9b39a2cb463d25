using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace OrleansBatch.OrleansClient.Tests;

/// <summary>A .NET service connected to the platform as an Orleans client bound to one tenant, through <see cref="OrleansBatchClientExtensions.UseOrleansBatchClient"/>.</summary>
public sealed class ClientHost : IAsyncDisposable
{
    private readonly IHost _host;

    private ClientHost(IHost host) => _host = host;

    public static async Task<ClientHost> StartAsync(int gatewayPort, string tenant)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.UseOrleansBatchClient(o =>
        {
            o.Tenant = tenant;
            o.GatewayPort = gatewayPort;
            o.PollInterval = TimeSpan.FromMilliseconds(100);
        });
        var host = builder.Build();
        await host.StartAsync();
        return new ClientHost(host);
    }

    public IOrleansBatchClient Batch => _host.Services.GetRequiredService<IOrleansBatchClient>();

    /// <summary>The raw Orleans client under the facade (bound to the same tenant by its outgoing filter).</summary>
    public IClusterClient Cluster => _host.Services.GetRequiredService<IClusterClient>();

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
