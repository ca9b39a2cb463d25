using System.Diagnostics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OrleansBatch.Abstractions.Jobs;
using OrleansBatch.Scoring.Telemetry;
using OrleansBatch.Silo.Jobs;
using OrleansBatch.Silo.Telemetry;

namespace OrleansBatch.Silo.Workers;

/// <summary>
/// This silo's scoring slots (<see cref="JobOptions.Workers"/>): mini-batches placed here wait in one queue per tenant,
/// and a free slot takes the next tenant's oldest in turn (round-robin), so a tenant with thousands queued cannot starve
/// another's first one. A silo that stops hands its waiting mini-batches back at once (their jobs send them again to a
/// silo that stays); the running ones are canceled. Each mini-batch runs in a span of the job's trace (a child of the
/// grain call that placed it here) and in a logging scope naming its tenant and job; the slots and the wait are metrics.
/// </summary>
public sealed class MiniBatchScheduler : IDisposable
{
    private readonly object _gate = new();
    private readonly Dictionary<string, Queue<Queued>> _queues = new(StringComparer.Ordinal);
    private readonly LinkedList<string> _turns = new();
    private readonly MiniBatchRunner _runner;
    private readonly CancellationTokenSource _stopping = new();
    private readonly int _slots;
    private readonly string _silo;
    private readonly ILogger<MiniBatchScheduler> _logger;
    private int _running;

    public MiniBatchScheduler(MiniBatchRunner runner, JobOptions options, IHostApplicationLifetime lifetime, ILogger<MiniBatchScheduler> logger)
    {
        _runner = runner;
        _slots = options.Workers;
        _silo = options.SiloId;
        _logger = logger;
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
        // The caller's span (Orleans' incoming call span) is kept now: the slot that runs it later is another flow.
        var waiting = new Queued(work, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously), Activity.Current?.Context ?? default, Stopwatch.GetTimestamp());
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
        PlatformMetrics.MiniBatchQueued(_silo);
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
            // Not in the flow of whoever freed the slot (another mini-batch's span, scope and request context).
            using (ExecutionContext.SuppressFlow())
                _ = Task.Run(() => RunOneAsync(next));
        }
    }

    private async Task RunOneAsync(Queued waiting)
    {
        var work = waiting.Work;
        PlatformMetrics.MiniBatchStarted(_silo, work.Tenant, JobTelemetry.Deployment(work.Endpoint, work.Deployment), Stopwatch.GetElapsedTime(waiting.QueuedAt));
        using var scope = JobTelemetry.BeginJobScope(_logger, work.Tenant, work.Job);
        using var activity = JobTelemetry.StartMiniBatch(work, waiting.PlacedBy, _silo);
        try
        {
            await _runner.RunAsync(work, _stopping.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // Handed back: the job sends it again to a silo that stays.
        }
        finally
        {
            lock (_gate)
                _running--;
            PlatformMetrics.SlotFreed(_silo);
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
        {
            PlatformMetrics.MiniBatchHandedBack(_silo);
            waiting.Done.TrySetResult();
        }
    }

    public void Dispose() => _stopping.Dispose();

    private sealed record Queued(MiniBatchWork Work, TaskCompletionSource Done, ActivityContext PlacedBy, long QueuedAt);
}
