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
}
