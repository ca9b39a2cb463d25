using System.Collections.Concurrent;

namespace OrleansBatch.Silo.Workers;

/// <summary>
/// The threads that run scoring attempts. Scoring blocks (native ONNX Runtime calls), and an attempt that hangs
/// past its timeout must be abandoned without holding a worker, so attempts do not run on the thread pool; but
/// starting a thread per attempt costs about a millisecond, as much as a small mini-batch's scoring. So threads
/// are kept: an attempt goes to an idle thread, and a new thread starts only when none is idle. A thread held by an
/// abandoned (hung) attempt is simply not idle; if it ever returns it serves again. Threads idle for a
/// while end, so the pool shrinks back after a burst of hung attempts.
/// </summary>
/// <param name="idleLifetime">How long a thread waits for an attempt before it ends (a minute unless given).</param>
public sealed class ScoringThreads(TimeSpan? idleLifetime = null) : IDisposable
{
    private readonly TimeSpan _idleLifetime = idleLifetime ?? TimeSpan.FromMinutes(1);

    private readonly ConcurrentQueue<Func<Action>> _attempts = new();
    private readonly SemaphoreSlim _queued = new(0);
    private readonly CancellationTokenSource _stopping = new();
    private int _idle;
    private int _threads;

    /// <summary>Threads alive now (busy, idle or held by an abandoned attempt).</summary>
    public int Count => Volatile.Read(ref _threads);

    /// <summary>Runs <paramref name="attempt"/> on a scoring thread; the task ends with its result or exception.</summary>
    public Task<T> RunAsync<T>(Func<T> attempt)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        ObjectDisposedException.ThrowIf(_stopping.IsCancellationRequested, this);
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        // The attempt returns how to report its end; the thread counts itself idle first, so a caller that goes on at once
        // with a next attempt finds it idle.
        _attempts.Enqueue(() =>
        {
            try
            {
                var result = attempt();
                return () => done.TrySetResult(result);
            }
            catch (OperationCanceledException e)
            {
                return () => done.TrySetCanceled(e.CancellationToken);
            }
            catch (Exception e)
            {
                return () => done.TrySetException(e);
            }
        });
        // Take an idle thread if there is one (it is then counted busy); otherwise start one.
        if (Interlocked.Decrement(ref _idle) < 0)
        {
            Interlocked.Increment(ref _idle);
            Start();
        }
        _queued.Release();
        return done.Task;
    }

    public void Dispose()
    {
        _stopping.Cancel();
        // Idle threads see the cancellation and end; busy ones end after their attempt.
    }

    private void Start()
    {
        Interlocked.Increment(ref _threads);
        // Taken from RunAsync: the new thread starts busy with the attempt just queued.
        new Thread(Serve) { IsBackground = true, Name = "obatch-scoring" }.Start();
    }

    private void Serve()
    {
        try
        {
            while (true)
            {
                if (!Wait())
                    return;
                var report = _attempts.TryDequeue(out var attempt) ? attempt() : null;
                Interlocked.Increment(ref _idle);
                report?.Invoke();
            }
        }
        finally
        {
            Interlocked.Decrement(ref _threads);
        }
    }

    /// <summary>Waits for a queued attempt; false when the thread should end (idle too long, or the pool stops).</summary>
    private bool Wait()
    {
        while (true)
        {
            try
            {
                if (_queued.Wait(_idleLifetime, _stopping.Token))
                    return true;
            }
            catch (OperationCanceledException)
            {
                return false;
            }
            // Idle too long: leave, unless every idle count is already promised to an attempt on its way.
            var idle = Volatile.Read(ref _idle);
            if (idle > 0 && Interlocked.CompareExchange(ref _idle, idle - 1, idle) == idle)
                return false;
        }
    }
}
