using System.Collections.Concurrent;
using System.Text;
using Azure;
using OrleansBatch.Grains.Providers;
using Rest = OrleansBatch.Storage.Azure.Rest;

namespace OrleansBatch.Storage.Azure;

/// <summary>
/// Work queues as Azure storage queues (named by <see cref="QueueNames"/>, created on first use). Bodies
/// travel base64-encoded, so any text is safe in the service's XML; the pop receipt is the holding's receipt.
/// Visibility timeouts are whole seconds (rounded up). Consumers of this instance are woken when it
/// enqueues; messages from other silos are noticed by polling with back-off up to the caller's max wait.
/// </summary>
public sealed class StorageQueueWorkQueue(AzureStorageBackend backend) : IWorkQueue
{
    /// <summary>Largest body in UTF-8 bytes: base64 of it must fit the service's 64 KiB message limit.</summary>
    public const int MaxBodyBytes = 48 * 1024;

    private static readonly TimeSpan FirstPollInterval = TimeSpan.FromMilliseconds(100);

    // Per instance, not static: two instances in one process behave as two silos.
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _arrivals = new(StringComparer.Ordinal);

    public async Task EnqueueAsync(string queue, string body, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        var bytes = Encoding.UTF8.GetBytes(body);
        if (bytes.Length > MaxBodyBytes)
            throw new ArgumentException($"A work item of {bytes.Length} bytes is too large for an Azure storage queue (at most {MaxBodyBytes} bytes). Put the data in the artifact store and enqueue its path.", nameof(body));
        var client = await backend.GetQueueAsync(queue, cancellationToken).ConfigureAwait(false);
        await client.SendMessageAsync(Convert.ToBase64String(bytes), cancellationToken: cancellationToken).ConfigureAwait(false);

        if (_arrivals.TryRemove(queue, out var arrival))
            arrival.TrySetResult();
    }

    public async Task<QueueMessage?> DequeueAsync(string queue, TimeSpan visibility, CancellationToken cancellationToken = default)
    {
        ValidateVisibility(visibility);
        var client = await backend.GetQueueAsync(queue, cancellationToken).ConfigureAwait(false);
        var received = await client.ReceiveMessagesAsync(1, visibility, cancellationToken).ConfigureAwait(false);
        if (received.Count == 0)
            return null;
        var message = received[0];
        return new QueueMessage(queue, message.MessageId, message.PopReceipt!, DecodeBody(message.Text), message.DequeueCount,
            message.NextVisibleOn ?? backend.Time.GetUtcNow() + visibility);
    }

    public async Task<QueueMessage?> ExtendAsync(QueueMessage message, TimeSpan visibility, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        ValidateVisibility(visibility);
        var client = await backend.GetQueueAsync(message.Queue, cancellationToken).ConfigureAwait(false);
        try
        {
            var updated = await client.UpdateVisibilityAsync(message.Id, message.Receipt, visibility, cancellationToken).ConfigureAwait(false);
            return message with { Receipt = updated.PopReceipt, VisibleAt = updated.NextVisibleOn };
        }
        catch (RequestFailedException e) when (IsLost(e))
        {
            return null;
        }
    }

    public async Task DeleteAsync(QueueMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var client = await backend.GetQueueAsync(message.Queue, cancellationToken).ConfigureAwait(false);
        try
        {
            await client.DeleteMessageAsync(message.Id, message.Receipt, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (IsLost(e))
        {
            // Gone, or redelivered to another consumer: not ours to delete.
        }
    }

    public async Task<long> CountAsync(string queue, CancellationToken cancellationToken = default)
    {
        var client = await backend.GetQueueAsync(queue, cancellationToken).ConfigureAwait(false);
        return await client.GetApproximateCountAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task WaitForMessagesAsync(string queue, TimeSpan maxWait, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(queue);
        // Subscribe before looking, so an enqueue between the look and the wait still wakes us.
        var arrival = _arrivals.GetOrAdd(queue, static _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        var client = await backend.GetQueueAsync(queue, cancellationToken).ConfigureAwait(false);
        var deadline = backend.Time.GetUtcNow() + maxWait;
        var interval = FirstPollInterval;
        while (true)
        {
            if ((await client.PeekMessagesAsync(1, cancellationToken).ConfigureAwait(false)).Count > 0)
                return;
            var remaining = deadline - backend.Time.GetUtcNow();
            if (remaining <= TimeSpan.Zero)
                return;
            try
            {
                await arrival.Task.WaitAsync(remaining < interval ? remaining : interval, backend.Time, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (TimeoutException)
            {
                // Look again, a little later each time: other silos' messages, or hidden ones that came back.
            }
            interval = TimeSpan.FromTicks(Math.Min(interval.Ticks * 2, backend.MaxQueuePollInterval.Ticks));
        }
    }

    private static bool IsLost(RequestFailedException e) =>
        e.Status == 404 || (e.Status == 400 && e.ErrorCode == "PopReceiptMismatch");

    private static string DecodeBody(string text)
    {
        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(text));
        }
        catch (FormatException)
        {
            // Put there by another writer without base64: hand it over as it is.
            return text;
        }
    }

    private static void ValidateVisibility(TimeSpan visibility)
    {
        if (visibility <= TimeSpan.Zero || visibility > Rest.QueueClient.MaxVisibility)
            throw new ArgumentOutOfRangeException(nameof(visibility), visibility, "A visibility timeout must be positive and at most 7 days.");
    }
}
