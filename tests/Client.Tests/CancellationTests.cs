using OrleansBatch.Client.Models;

namespace OrleansBatch.Client.Tests;

/// <summary>A cancelled token stops a call with <see cref="OperationCanceledException"/>, not a request error.</summary>
public class CancellationTests
{
    [Fact]
    public async Task A_cancelled_token_stops_calls_before_they_are_sent()
    {
        await using var gateway = TestGateway.Start();
        var client = await gateway.TenantClientAsync();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            client.CreateOrUpdateEndpointAsync("scoring", new BatchEndpointDefinition(), cancellationToken: cancelled.Token));
        var endpoints = await client.GetEndpointsAsync().ToListAsync();

        Assert.Empty(endpoints);
    }

    [Fact]
    public async Task Cancelling_between_pages_stops_the_enumeration()
    {
        await using var gateway = TestGateway.Start();
        var client = await gateway.TenantClientAsync();
        foreach (var name in new[] { "ep-a", "ep-b", "ep-c" })
            await client.CreateOrUpdateEndpointAsync(name, new BatchEndpointDefinition());
        using var cancellation = new CancellationTokenSource();

        var seen = new List<int>();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var page in client.GetEndpointsAsync(cancellation.Token).AsPages(pageSizeHint: 1))
            {
                seen.Add(page.Values.Count);
                await cancellation.CancelAsync();
            }
        });

        Assert.Equal([1], seen);
    }

    [Fact]
    public async Task Cancelling_an_upload_in_flight_aborts_it()
    {
        await using var gateway = TestGateway.Start();
        var client = await gateway.TenantClientAsync();
        var body = new StalledStream();
        using var cancellation = new CancellationTokenSource();

        var upload = client.UploadFilesAsync([new UploadFile("rows.csv", body)], cancellation.Token);
        await body.ReadStarted;
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => upload);
    }

    [Fact]
    public async Task A_request_that_outlives_the_network_timeout_fails_with_status_0_not_a_cancellation()
    {
        await using var gateway = TestGateway.Start();
        await gateway.AdminClient().CreateTenantAsync("contoso");
        var key = await gateway.AdminClient().CreateTenantKeyAsync("contoso", ApiKeyRole.Contributor);
        var options = gateway.Options();
        options.NetworkTimeout = TimeSpan.FromMilliseconds(500);
        var client = new OrleansBatchClient(gateway.Endpoint, key.Key!, options);

        var error = await Assert.ThrowsAsync<OrleansBatchRequestException>(() =>
            client.CreateModelVersionAsync("stalled", [new UploadFile("model.onnx", new StalledStream())]));

        Assert.Equal(0, error.Status);
        Assert.True(error.InnerException is TimeoutException, error.ToString());
        Assert.Contains("NetworkTimeout", error.Message);
    }
}
