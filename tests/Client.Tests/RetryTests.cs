using System.Net;
using System.Net.Sockets;
using OrleansBatch.Client.Models;

namespace OrleansBatch.Client.Tests;

/// <summary>Retries against a real refused connection: idempotent calls are tried again, POSTs are sent once.</summary>
public class RetryTests
{
    [Fact]
    public async Task A_refused_connection_is_retried_for_GET_but_not_for_POST_and_surfaces_as_status_0()
    {
        using var transport = new SocketsHttpHandler();
        var counter = new SendCounter(transport);
        var options = new OrleansBatchClientOptions
        {
            Transport = counter,
            MaxRetries = 2,
            RetryDelay = TimeSpan.FromMilliseconds(1),
            MaxRetryDelay = TimeSpan.FromMilliseconds(5),
        };
        var client = new OrleansBatchClient(ClosedPortEndpoint(), "key", options);

        var get = await Assert.ThrowsAsync<OrleansBatchRequestException>(() => client.GetEndpointAsync("scoring"));
        var getSends = counter.Sends;
        var post = await Assert.ThrowsAsync<OrleansBatchRequestException>(() =>
            client.CreateDataVersionAsync("data", new DataVersionDefinition(DataAssetType.UriFile, "upload://x/a.csv")));

        Assert.Equal(3, getSends);
        Assert.Equal(4, counter.Sends);
        Assert.Equal(0, get.Status);
        Assert.IsType<HttpRequestException>(get.InnerException);
        Assert.Equal(0, post.Status);
    }

    private static Uri ClosedPortEndpoint()
    {
        // A port that was just free: nothing listens there, so connecting is refused at once.
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return new Uri($"http://127.0.0.1:{port}/");
    }
}
