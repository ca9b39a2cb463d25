using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;

namespace OrleansBatch.Silo.Hosting;

/// <summary>
/// Where a silo listens and which cluster it joins: <c>OBATCH_CLUSTER_ID</c> (default <c>obatch</c>),
/// <c>OBATCH_SILO_ADDRESS</c> (the address other silos and clients reach it at; default 127.0.0.1),
/// <c>OBATCH_SILO_PORT</c> and <c>OBATCH_GATEWAY_PORT</c> (default: a free port each, so several silos and test hosts
/// share a machine).
/// </summary>
public sealed record ClusterSettings(string ClusterId, IPAddress Address, int SiloPort, int GatewayPort)
{
    public const string ClusterIdKey = "OBATCH_CLUSTER_ID";
    public const string AddressKey = "OBATCH_SILO_ADDRESS";
    public const string SiloPortKey = "OBATCH_SILO_PORT";
    public const string GatewayPortKey = "OBATCH_GATEWAY_PORT";

    /// <summary>Orleans' service id: the same for every cluster of this platform, so storage layouts line up.</summary>
    public const string ServiceId = OrleansClient.ClusterConnection.ServiceId;

    /// <summary>Reads and checks the settings; a bad one throws <see cref="InvalidOperationException"/> naming it.</summary>
    public static ClusterSettings Read(IConfiguration configuration)
    {
        var clusterId = configuration[ClusterIdKey]?.Trim() is { Length: > 0 } id ? id : OrleansClient.ClusterConnection.DefaultClusterId;
        var address = IPAddress.Loopback;
        if (configuration[AddressKey]?.Trim() is { Length: > 0 } text && !IPAddress.TryParse(text, out address))
            throw new InvalidOperationException($"{AddressKey}='{text}' is not an IP address: set it to the address other silos reach this one at (e.g. 10.0.0.5).");
        return new(clusterId, address!, Port(configuration, SiloPortKey), Port(configuration, GatewayPortKey));
    }

    private static int Port(IConfiguration configuration, string key)
    {
        var text = configuration[key]?.Trim();
        if (string.IsNullOrEmpty(text) || text == "0")
            return FreePort();
        return int.TryParse(text, out var port) && port is > 0 and < 65536
            ? port
            : throw new InvalidOperationException($"{key}='{text}' is not a TCP port: use 1-65535, or leave it unset for a free port.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
