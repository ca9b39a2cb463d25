using System.Net;
using System.Net.Sockets;
using System.Text;

namespace OrleansBatch.Security.Tests.Remote;

/// <summary>A loopback HTTP server that answers every request with a redirect to <c>location</c>, and counts requests.</summary>
public sealed class RedirectingServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private int _requests;

    public RedirectingServer(string location)
    {
        _listener.Start();
        _ = ServeAsync(location);
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public int Requests => Volatile.Read(ref _requests);

    public void Dispose() => _listener.Stop();

    private async Task ServeAsync(string location)
    {
        try
        {
            while (true)
            {
                using var client = await _listener.AcceptTcpClientAsync();
                var stream = client.GetStream();
                var buffer = new byte[8192];
                var read = 0;
                while (!Encoding.ASCII.GetString(buffer, 0, read).Contains("\r\n\r\n", StringComparison.Ordinal) && read < buffer.Length)
                {
                    var n = await stream.ReadAsync(buffer.AsMemory(read));
                    if (n == 0)
                        break;
                    read += n;
                }
                Interlocked.Increment(ref _requests);
                var answer = $"HTTP/1.1 302 Found\r\nLocation: {location}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
                await stream.WriteAsync(Encoding.ASCII.GetBytes(answer));
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException or IOException)
        {
            // Stopped.
        }
    }
}
