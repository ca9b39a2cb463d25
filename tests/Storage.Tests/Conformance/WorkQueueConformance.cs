using System.Collections.Concurrent;
using OrleansBatch.Grains.Providers;

namespace OrleansBatch.Storage.Tests.Conformance;

/// <summary>The contract of <see cref="IWorkQueue"/>, run against every provider.</summary>
public abstract class WorkQueueConformance
{
    /// <summary>A new queue instance on this test's backend (another silo when called twice).</summary>
    protected abstract IWorkQueue CreateQueue();

    /// <summary>A visibility timeout the tests wait out to see a message come back.</summary>
    protected virtual TimeSpan ShortVisibility => TimeSpan.FromMilliseconds(400);

    private static readonly TimeSpan LongVisibility = TimeSpan.FromMinutes(1);

    // A bound for "this completes", far above any normal latency; never a speed assertion.
    private static readonly TimeSpan Eventually = TimeSpan.FromSeconds(30);

    protected string QueueName { get; } = "q" + Guid.NewGuid().ToString("N")[..12];

    [Fact]
    public async Task An_enqueued_message_is_dequeued_with_its_body_a_receipt_and_a_first_delivery_count()
    {
        var queue = CreateQueue();
        await queue.EnqueueAsync(QueueName, """{"miniBatch":3}""");

        var message = await queue.DequeueAsync(QueueName, LongVisibility);

        Assert.NotNull(message);
        Assert.Equal((QueueName, """{"miniBatch":3}""", 1), (message.Queue, message.Body, message.DequeueCount));
        Assert.False(string.IsNullOrEmpty(message.Id));
        Assert.False(string.IsNullOrEmpty(message.Receipt));
    }

    [Fact]
    public async Task Dequeue_of_an_empty_queue_is_null()
    {
        Assert.Null(await CreateQueue().DequeueAsync(QueueName, LongVisibility));
    }

    [Fact]
    public async Task Queues_do_not_share_messages()
    {
        var queue = CreateQueue();
        await queue.EnqueueAsync(QueueName + "-a", "a");

        Assert.Null(await queue.DequeueAsync(QueueName + "-b", LongVisibility));
        Assert.Equal("a", (await queue.DequeueAsync(QueueName + "-a", LongVisibility))!.Body);
    }

    [Fact]
    public async Task A_dequeued_message_is_hidden_from_every_consumer_but_still_counted()
    {
        var silo1 = CreateQueue();
        var silo2 = CreateQueue();
        await silo1.EnqueueAsync(QueueName, "work");

        var taken = await silo1.DequeueAsync(QueueName, LongVisibility);

        Assert.NotNull(taken);
        Assert.Null(await silo2.DequeueAsync(QueueName, LongVisibility));
        Assert.Null(await silo1.DequeueAsync(QueueName, LongVisibility));
        Assert.Equal(1, await silo2.CountAsync(QueueName));
    }

    [Fact]
    public async Task A_message_not_deleted_in_time_is_delivered_again_with_a_higher_count_and_a_new_receipt()
    {
        var silo1 = CreateQueue();
        var silo2 = CreateQueue();
        await silo1.EnqueueAsync(QueueName, "work");
        var first = await silo1.DequeueAsync(QueueName, ShortVisibility);

        await Task.Delay(ShortVisibility * 2);
        var second = await silo2.DequeueAsync(QueueName, LongVisibility);

        Assert.NotNull(second);
        Assert.Equal((first!.Id, "work", 2), (second.Id, second.Body, second.DequeueCount));
        Assert.NotEqual(first.Receipt, second.Receipt);
    }

    [Fact]
    public async Task A_stale_receipt_can_neither_extend_nor_delete_the_message()
    {
        var silo1 = CreateQueue();
        var silo2 = CreateQueue();
        await silo1.EnqueueAsync(QueueName, "work");
        var stale = await silo1.DequeueAsync(QueueName, ShortVisibility);
        await Task.Delay(ShortVisibility * 2);
        var current = await silo2.DequeueAsync(QueueName, LongVisibility);

        var extended = await silo1.ExtendAsync(stale!, LongVisibility);
        await silo1.DeleteAsync(stale!);

        Assert.Null(extended);
        Assert.Equal(1, await silo1.CountAsync(QueueName));
        await silo2.DeleteAsync(current!);
        Assert.Equal(0, await silo1.CountAsync(QueueName));
    }

    [Fact]
    public async Task Extending_keeps_the_message_hidden_past_its_first_timeout_and_gives_a_usable_receipt()
    {
        var queue = CreateQueue();
        await queue.EnqueueAsync(QueueName, "work");
        var taken = await queue.DequeueAsync(QueueName, ShortVisibility);

        var extended = await queue.ExtendAsync(taken!, LongVisibility);
        await Task.Delay(ShortVisibility * 2);

        Assert.NotNull(extended);
        Assert.Equal((taken!.Id, "work", 1), (extended.Id, extended.Body, extended.DequeueCount));
        Assert.Null(await CreateQueue().DequeueAsync(QueueName, LongVisibility));
        await queue.DeleteAsync(extended);
        Assert.Equal(0, await queue.CountAsync(QueueName));
    }

    [Fact]
    public async Task Deleting_with_the_current_receipt_removes_the_message_and_deleting_again_is_not_an_error()
    {
        var queue = CreateQueue();
        await queue.EnqueueAsync(QueueName, "one");
        await queue.EnqueueAsync(QueueName, "two");
        var taken = await queue.DequeueAsync(QueueName, LongVisibility);

        await queue.DeleteAsync(taken!);
        await queue.DeleteAsync(taken!);

        Assert.Equal(1, await queue.CountAsync(QueueName));
    }

    [Fact]
    public async Task Every_message_is_delivered_once_to_concurrent_consumers_on_two_silos()
    {
        var silos = new[] { CreateQueue(), CreateQueue() };
        var bodies = Enumerable.Range(0, 40).Select(i => $"item-{i}").ToList();
        foreach (var body in bodies)
            await silos[0].EnqueueAsync(QueueName, body);
        var delivered = new ConcurrentBag<QueueMessage>();

        await Race.RunAsync(8, async i =>
        {
            while (await silos[i % 2].DequeueAsync(QueueName, LongVisibility) is { } message)
                delivered.Add(message);
            return i;
        });

        Assert.Equal(bodies.Order(StringComparer.Ordinal), delivered.Select(m => m.Body).Order(StringComparer.Ordinal));
        Assert.Equal(40, delivered.Select(m => m.Id).Distinct().Count());
        Assert.All(delivered, m => Assert.Equal(1, m.DequeueCount));
    }

    [Fact]
    public async Task A_waiting_consumer_wakes_when_its_own_silo_enqueues()
    {
        var queue = CreateQueue();
        var waiting = queue.WaitForMessagesAsync(QueueName, TimeSpan.FromMinutes(5));

        await queue.EnqueueAsync(QueueName, "work");

        Assert.Same(waiting, await Task.WhenAny(waiting, Task.Delay(Eventually)));
        Assert.NotNull(await queue.DequeueAsync(QueueName, LongVisibility));
    }

    [Fact]
    public async Task Waiting_returns_at_once_when_a_visible_message_is_already_there()
    {
        var silo1 = CreateQueue();
        var silo2 = CreateQueue();
        await silo1.EnqueueAsync(QueueName, "work");

        var waiting = silo2.WaitForMessagesAsync(QueueName, TimeSpan.FromMinutes(5));

        Assert.Same(waiting, await Task.WhenAny(waiting, Task.Delay(Eventually)));
    }

    [Fact]
    public async Task Waiting_on_an_empty_queue_ends_after_the_max_wait()
    {
        var queue = CreateQueue();

        await queue.WaitForMessagesAsync(QueueName, TimeSpan.FromMilliseconds(50));

        Assert.Null(await queue.DequeueAsync(QueueName, LongVisibility));
    }

    [Fact]
    public async Task Waiting_is_cancelled_by_its_token()
    {
        var queue = CreateQueue();
        using var cancel = new CancellationTokenSource();
        var waiting = queue.WaitForMessagesAsync(QueueName, TimeSpan.FromMinutes(5), cancel.Token);

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
    }
}
