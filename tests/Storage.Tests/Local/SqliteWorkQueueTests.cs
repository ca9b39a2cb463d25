using OrleansBatch.Grains.Providers;
using OrleansBatch.Storage.Local;
using OrleansBatch.Storage.Tests.Conformance;

namespace OrleansBatch.Storage.Tests.Local;

public sealed class SqliteWorkQueueTests : WorkQueueConformance, IDisposable
{
    private readonly LocalDataDirectory _data = new();

    protected override IWorkQueue CreateQueue() => new SqliteWorkQueue(_data.Open());

    [Fact]
    public async Task Visible_messages_are_dequeued_oldest_first()
    {
        var queue = CreateQueue();
        foreach (var body in new[] { "first", "second", "third" })
            await queue.EnqueueAsync(QueueName, body);

        var bodies = new List<string>();
        while (await queue.DequeueAsync(QueueName, TimeSpan.FromMinutes(1)) is { } message)
            bodies.Add(message.Body);

        Assert.Equal(["first", "second", "third"], bodies);
    }

    [Fact]
    public async Task A_visibility_timeout_that_is_not_positive_is_refused()
    {
        var queue = CreateQueue();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => queue.DequeueAsync(QueueName, TimeSpan.Zero));
    }

    public void Dispose() => _data.Dispose();
}
