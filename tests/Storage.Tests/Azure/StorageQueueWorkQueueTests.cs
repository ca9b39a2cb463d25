using OrleansBatch.Grains.Providers;
using OrleansBatch.Storage.Azure;
using OrleansBatch.Storage.Tests.Conformance;

namespace OrleansBatch.Storage.Tests.Azure;

public sealed class StorageQueueWorkQueueTests(AzuriteFixture azurite) : WorkQueueConformance, IClassFixture<AzuriteFixture>
{
    private readonly AzureStorageScope _scope = new(azurite);

    protected override IWorkQueue CreateQueue() => new StorageQueueWorkQueue(_scope.Open());

    // Storage queues count visibility in whole seconds.
    protected override TimeSpan ShortVisibility => TimeSpan.FromSeconds(1);

    [Fact]
    public async Task Queue_names_azure_would_refuse_work_and_names_differing_only_in_case_or_punctuation_stay_apart()
    {
        var queue = CreateQueue();
        string[] names = [$"Jobs/{QueueName}:1", $"jobs-{QueueName}-1", $"JOBS {QueueName} 1", "__", new string('x', 200)];
        foreach (var name in names)
            await queue.EnqueueAsync(name, name);

        foreach (var name in names)
        {
            var message = await queue.DequeueAsync(name, TimeSpan.FromMinutes(1));
            Assert.Equal((name, name), (message!.Queue, message.Body));
            Assert.Null(await queue.DequeueAsync(name, TimeSpan.FromMinutes(1)));
        }
    }

    [Fact]
    public async Task Bodies_with_markup_and_any_characters_arrive_unchanged()
    {
        var queue = CreateQueue();
        const string body = "<QueueMessage>&amp; \"quotes\" 'apos' ]]> \u0001 日本 😀\n{\"json\":true}";

        await queue.EnqueueAsync(QueueName, body);

        Assert.Equal(body, (await queue.DequeueAsync(QueueName, TimeSpan.FromMinutes(1)))!.Body);
    }

    [Fact]
    public async Task A_body_too_large_for_a_storage_queue_is_refused_with_what_to_do_instead()
    {
        var queue = CreateQueue();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => queue.EnqueueAsync(QueueName, new string('x', StorageQueueWorkQueue.MaxBodyBytes + 1)));

        Assert.Contains("artifact store", error.Message);
        Assert.Equal(0, await queue.CountAsync(QueueName));
    }

    [Fact]
    public async Task A_visibility_timeout_that_is_not_positive_is_refused()
    {
        var queue = CreateQueue();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => queue.DequeueAsync(QueueName, TimeSpan.Zero));
    }

    [Fact]
    public async Task A_waiting_consumer_notices_a_message_another_silo_enqueued()
    {
        var silo1 = CreateQueue();
        var silo2 = CreateQueue();
        var waiting = silo1.WaitForMessagesAsync(QueueName, TimeSpan.FromMinutes(5));

        await silo2.EnqueueAsync(QueueName, "from the other silo");

        Assert.Same(waiting, await Task.WhenAny(waiting, Task.Delay(TimeSpan.FromSeconds(30))));
        Assert.Equal("from the other silo", (await silo1.DequeueAsync(QueueName, TimeSpan.FromMinutes(1)))!.Body);
    }
}
