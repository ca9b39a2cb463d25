using Microsoft.Extensions.Hosting;
using OrleansBatch.Abstractions.Jobs;
using OrleansBatch.Silo.Jobs;

namespace OrleansBatch.Silo.Workers;

/// <summary>
/// This silo's scoring slots (<see cref="JobOptions.Workers"/>): mini-batches placed here wait in one queue per tenant,
/// and a free slot takes the next tenant's oldest in turn (round-robin), so a tenant with thousands queued cannot starve
/// another's first one. A silo that stops hands its waiting mini-batches back at once (their jobs send them again to a
/// silo that stays); the running ones are canceled.
/// </summary>
public sealed class MiniBatchScheduler : IDisposable
{
    private readonly object _gate = new();
    private readonly Dictionary<string, Queue<Queued>> _queues = new(StringComparer.Ordinal);
    private readonly LinkedList<string> _turns = new();
    private readonly MiniBatchRunner _runner;
    private readonly CancellationTokenSource _stopping = new();
    private readonly int _slots;
    private int _running;

    public MiniBatchScheduler(MiniBatchRunner runner, JobOptions options, IHostApplicationLifetime lifetime)
    {
        _runner = runner;
        _slots = options.Workers;
        lifetime.ApplicationStopping.Register(Stop);
    }

    /// <summary>Mini-batches scoring in this silo now.</summary>
    public int Running => Volatile.Read(ref _running);

    /// <summary>Mini-batches waiting for a slot in this silo.</summary>
    public int Waiting
    {
        get { lock (_gate) return _queues.Values.Sum(q => q.Count); }
    }

    /// <summary>Queues <paramref name="work"/> for a slot; completes when it was scored and recorded, or handed back.</summary>
    public Task RunAsync(MiniBatchWork work)
    {
        var waiting = new Queued(work, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        lock (_gate)
        {
            if (_stopping.IsCancellationRequested)
                return Task.CompletedTask;
            if (!_queues.TryGetValue(work.Tenant, out var queue))
            {
                _queues[work.Tenant] = queue = new Queue<Queued>();
                _turns.AddLast(work.Tenant);
            }
            queue.Enqueue(waiting);
        }
        StartWhatFits();
        return waiting.Done.Task;
    }

    private void StartWhatFits()
    {
        while (true)
        {
            Queued next;
            lock (_gate)
            {
                if (_running >= _slots || _turns.First is not { } turn)
                    return;
                var queue = _queues[turn.Value];
                next = queue.Dequeue();
                _turns.RemoveFirst();
                if (queue.Count > 0)
                    _turns.AddLast(turn.Value);
                else
                    _queues.Remove(turn.Value);
                _running++;
            }
            _ = Task.Run(() => RunOneAsync(next));
        }
    }

    private async Task RunOneAsync(Queued waiting)
    {
        try
        {
            await _runner.RunAsync(waiting.Work, _stopping.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // Handed back: the job sends it again to a silo that stays.
        }
        finally
        {
            lock (_gate)
                _running--;
            waiting.Done.TrySetResult();
            StartWhatFits();
        }
    }

    private void Stop()
    {
        List<Queued> handedBack;
        lock (_gate)
        {
            _stopping.Cancel();
            handedBack = _queues.Values.SelectMany(q => q).ToList();
            _queues.Clear();
            _turns.Clear();
        }
        foreach (var waiting in handedBack)
            waiting.Done.TrySetResult();
    }

    public void Dispose() => _stopping.Dispose();

    private sealed record Queued(MiniBatchWork Work, TaskCompletionSource Done);
}
