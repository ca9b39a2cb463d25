using System.Collections.Concurrent;

namespace OrleansBatch.Silo.Jobs;

/// <summary>
/// In-process wake-ups, so work done in this silo is noticed at once: a new job wakes the owner sweep,
/// a recorded mini-batch wakes its job's owner. Other silos' work is noticed by polling.
/// </summary>
public sealed class JobSignals
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _waiters = new(StringComparer.Ordinal);

    public const string NewJobs = "new-jobs";

    public void Pulse(string topic)
    {
        if (_waiters.TryRemove(topic, out var waiter))
            waiter.TrySetResult();
    }

    /// <summary>Completes on the next pulse of <paramref name="topic"/> or after <paramref name="maxWait"/>.</summary>
    public async Task WaitAsync(string topic, TimeSpan maxWait, CancellationToken cancellationToken)
    {
        var waiter = _waiters.GetOrAdd(topic, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        try
        {
            await waiter.Task.WaitAsync(maxWait, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
        }
    }

    public static string JobTopic(string tenant, string job) => $"job:{tenant}/{job}";
}
