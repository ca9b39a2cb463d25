using System.Collections.Concurrent;

namespace OrleansBatch.Silo.Jobs;

/// <summary>
/// In-process wake-ups of those who watch a job in this silo: a result posted to its owner (<see cref="MiniBatchInbox"/>)
/// wakes the owner, and whoever follows the job here, at once; others poll. A pulse with nobody waiting is kept, so
/// the next wait returns at once (no lost wake-up between a check and a wait).
/// </summary>
public sealed class JobSignals
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _signals = new(StringComparer.Ordinal);

    public void Pulse(string topic) => Signal(topic).TrySetResult();

    /// <summary>Completes on a pulse of <paramref name="topic"/> since the last wait, or after <paramref name="maxWait"/>.</summary>
    public async Task WaitAsync(string topic, TimeSpan maxWait, CancellationToken cancellationToken)
    {
        var signal = Signal(topic);
        try
        {
            await signal.Task.WaitAsync(maxWait, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
        }
        if (signal.Task.IsCompleted)
            _signals.TryRemove(new KeyValuePair<string, TaskCompletionSource>(topic, signal));
    }

    public static string JobTopic(string tenant, string job) => $"job:{tenant}/{job}";

    private TaskCompletionSource Signal(string topic) =>
        _signals.GetOrAdd(topic, static _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
}
