using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using OrleansBatch.Grains.Providers;

namespace OrleansBatch.Storage.Local;

/// <summary>
/// Work queue in the <c>queue_message</c> table. Dequeue hides the oldest visible message with a new
/// receipt in one statement; extend and delete need the current receipt. Consumers of this instance
/// are woken when it enqueues; other processes are noticed by polling at the caller's max wait.
/// </summary>
public sealed class SqliteWorkQueue(LocalDatabase database) : IWorkQueue
{
    private const string Returning = "RETURNING queue, id, receipt, body, dequeue_count, visible_at";

    // Per instance, not static: two instances in one process behave as two silos.
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _arrivals = new(StringComparer.Ordinal);

    public async Task EnqueueAsync(string queue, string body, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(queue);
        ArgumentNullException.ThrowIfNull(body);
        await database.ExecuteAsync(
            "INSERT INTO queue_message (queue, id, body, visible_at, receipt, dequeue_count) VALUES ($queue, $id, $body, $now, NULL, 0)",
            [("$queue", queue), ("$id", Guid.NewGuid().ToString("N")), ("$body", body), ("$now", database.NowMs)],
            cancellationToken).ConfigureAwait(false);

        if (_arrivals.TryRemove(queue, out var arrival))
            arrival.TrySetResult();
    }

    public async Task<QueueMessage?> DequeueAsync(string queue, TimeSpan visibility, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(queue);
        ValidateVisibility(visibility);
        // Looking is a read (no write lock): idle workers polling empty queues never hold up writers.
        if (!await HasVisibleAsync(queue, cancellationToken).ConfigureAwait(false))
            return null;
        return await database.WriteAsync((connection, transaction) =>
        {
            var now = database.NowMs;
            using var take = connection.Command(
                $"""
                UPDATE queue_message SET visible_at = $hidden, receipt = $receipt, dequeue_count = dequeue_count + 1
                WHERE seq = (SELECT seq FROM queue_message WHERE queue = $queue AND visible_at <= $now ORDER BY seq LIMIT 1)
                {Returning}
                """,
                transaction,
                ("$hidden", now + LocalDatabase.ToMs(visibility)), ("$receipt", Guid.NewGuid().ToString("N")), ("$queue", queue), ("$now", now));
            return ReadMessage(take);
        }, cancellationToken).ConfigureAwait(false);
    }

    public Task<QueueMessage?> ExtendAsync(QueueMessage message, TimeSpan visibility, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        ValidateVisibility(visibility);
        return database.WriteAsync((connection, transaction) =>
        {
            using var extend = connection.Command(
                $"UPDATE queue_message SET visible_at = $hidden, receipt = $newReceipt WHERE id = $id AND receipt = $receipt {Returning}",
                transaction,
                ("$hidden", database.NowMs + LocalDatabase.ToMs(visibility)), ("$newReceipt", Guid.NewGuid().ToString("N")),
                ("$id", message.Id), ("$receipt", message.Receipt));
            return ReadMessage(extend);
        }, cancellationToken);
    }

    public Task DeleteAsync(QueueMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        return database.ExecuteAsync(
            "DELETE FROM queue_message WHERE id = $id AND receipt = $receipt",
            [("$id", message.Id), ("$receipt", message.Receipt)], cancellationToken);
    }

    public Task<long> CountAsync(string queue, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(queue);
        return database.ReadAsync(connection =>
        {
            using var count = connection.Command("SELECT COUNT(*) FROM queue_message WHERE queue = $queue", null, ("$queue", queue));
            return (long)count.ExecuteScalar()!;
        }, cancellationToken);
    }

    public async Task WaitForMessagesAsync(string queue, TimeSpan maxWait, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(queue);
        // Subscribe before looking, so an enqueue between the look and the wait still wakes us.
        var arrival = _arrivals.GetOrAdd(queue, static _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        if (maxWait <= TimeSpan.Zero || await HasVisibleAsync(queue, cancellationToken).ConfigureAwait(false))
            return;
        try
        {
            await arrival.Task.WaitAsync(maxWait, database.Time, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // The fallback poll interval: messages from other processes, or hidden ones that became visible.
        }
    }

    private Task<bool> HasVisibleAsync(string queue, CancellationToken cancellationToken) =>
        database.ReadAsync(connection =>
        {
            using var any = connection.Command(
                "SELECT EXISTS (SELECT 1 FROM queue_message WHERE queue = $queue AND visible_at <= $now)",
                null, ("$queue", queue), ("$now", database.NowMs));
            return (long)any.ExecuteScalar()! == 1;
        }, cancellationToken);

    private static QueueMessage? ReadMessage(SqliteCommand command)
    {
        using var reader = command.ExecuteReader();
        return reader.Read()
            ? new QueueMessage(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetInt32(4), LocalDatabase.FromMs(reader.GetInt64(5)))
            : null;
    }

    private static void ValidateVisibility(TimeSpan visibility)
    {
        if (visibility <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(visibility), visibility, "A visibility timeout must be positive.");
    }
}
