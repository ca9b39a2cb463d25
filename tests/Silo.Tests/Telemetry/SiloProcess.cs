using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OrleansBatch.Silo.Hosting;

namespace OrleansBatch.Silo.Tests.Telemetry;

/// <summary>A silo host built as <c>src/Silo</c>'s Program builds it (<c>AddSilo</c>, Local provider), with the given settings.</summary>
public static class SiloProcess
{
    public static async Task<IHost> StartAsync(string dataDirectory, IDictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>(settings) { [SiloProviderOptions.DataDirectoryKey] = dataDirectory });
        builder.AddSilo();
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    /// <summary>A free loopback TCP port.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
