using OrleansBatch.Abstractions;
namespace OrleansBatch.Grains.Providers;

/// <summary>
/// At-least-once work queue with a visibility timeout: a dequeued message is hidden, not removed,
/// until it is deleted; if its worker dies it becomes visible again.
/// </summary>
public interface IWorkQueue
{
    Task EnqueueAsync(string queue, string body, CancellationToken cancellationToken = default);

    /// <summary>Takes the next visible message and hides it for <paramref name="visibility"/>; null when none is visible.</summary>
    Task<QueueMessage?> DequeueAsync(string queue, TimeSpan visibility, CancellationToken cancellationToken = default);

    /// <summary>Hides the message for another <paramref name="visibility"/>; returns the updated message, or null when it was lost to another consumer.</summary>
    Task<QueueMessage?> ExtendAsync(QueueMessage message, TimeSpan visibility, CancellationToken cancellationToken = default);

    /// <summary>Removes a message this consumer still holds (no error when it is gone).</summary>
    Task DeleteAsync(QueueMessage message, CancellationToken cancellationToken = default);

    /// <summary>Approximate number of messages, visible or not.</summary>
    Task<long> CountAsync(string queue, CancellationToken cancellationToken = default);

    /// <summary>Completes when a message may have arrived on <paramref name="queue"/> (an in-process wake-up), or after <paramref name="maxWait"/>.</summary>
    Task WaitForMessagesAsync(string queue, TimeSpan maxWait, CancellationToken cancellationToken = default);
}

/// <summary>A dequeued message. <see cref="Receipt"/> proves the current holding; <see cref="DequeueCount"/> counts deliveries.</summary>
public sealed record QueueMessage(string Queue, string Id, string Receipt, string Body, int DequeueCount, DateTimeOffset VisibleAt);
