using System.Net;
using System.Net.Sockets;

namespace OrleansBatch.Security.Tests.Remote;

/// <summary>
/// A TCP listener on one port of 127.0.0.1 and [::1] that counts the connections it accepts and answers
/// none of them: the target an SSRF would reach. Holds accepted sockets open until disposed, so a client that
/// did get through waits on a silent server (the shape of an unreachable host) rather than failing fast.
/// </summary>
public sealed class LoopbackListener : IDisposable
{
    private readonly List<TcpListener> _listeners = [];
    private readonly List<Socket> _accepted = [];
    private int _connections;

    public LoopbackListener(params IPAddress[] addresses)
    {
        Port = FreePort(addresses[0]);
        foreach (var address in addresses)
        {
            var listener = new TcpListener(address, Port);
            listener.Start();
            _listeners.Add(listener);
            _ = AcceptAsync(listener);
        }
    }

    public int Port { get; }

    /// <summary>Connections accepted so far, on any of the addresses.</summary>
    public int Connections => Volatile.Read(ref _connections);

    public void Dispose()
    {
        foreach (var listener in _listeners)
            listener.Stop();
        lock (_accepted)
        {
            foreach (var socket in _accepted)
                socket.Dispose();
        }
    }

    private async Task AcceptAsync(TcpListener listener)
    {
        try
        {
            while (true)
            {
                var socket = await listener.AcceptSocketAsync();
                Interlocked.Increment(ref _connections);
                lock (_accepted)
                    _accepted.Add(socket);
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // Stopped.
        }
    }

    private static int FreePort(IPAddress address)
    {
        using var probe = new TcpListener(address, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
