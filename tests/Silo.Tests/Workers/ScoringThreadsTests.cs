using OrleansBatch.Silo.Workers;

namespace OrleansBatch.Silo.Tests.Workers;

public class ScoringThreadsTests
{
    // A bound for "this eventually happens", far above normal latency; never a speed assertion.
    private static readonly TimeSpan Eventually = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Attempts_one_after_another_reuse_one_thread_that_is_not_a_thread_pool_thread()
    {
        using var threads = new ScoringThreads();
        var seen = new HashSet<int>();
        for (var i = 0; i < 20; i++)
        {
            var (id, pooled) = await threads.RunAsync(() => (Environment.CurrentManagedThreadId, Thread.CurrentThread.IsThreadPoolThread));
            Assert.False(pooled);
            seen.Add(id);
        }

        Assert.Single(seen);
        Assert.Equal(1, threads.Count);
    }

    [Fact]
    public async Task A_hung_attempt_does_not_hold_up_the_next_and_its_thread_serves_again_once_it_returns()
    {
        using var threads = new ScoringThreads();
        using var release = new ManualResetEventSlim();
        var hung = threads.RunAsync(() =>
        {
            release.Wait();
            return "hung";
        });

        Assert.Equal(42, await threads.RunAsync(() => 42).WaitAsync(Eventually));
        Assert.Equal(2, threads.Count);
        Assert.False(hung.IsCompleted);

        release.Set();
        Assert.Equal("hung", await hung.WaitAsync(Eventually));
        // Both threads are idle now: two more attempts at once need no third thread.
        using var both = new Barrier(2);
        await Task.WhenAll(threads.RunAsync(() => both.SignalAndWait(Eventually)), threads.RunAsync(() => both.SignalAndWait(Eventually))).WaitAsync(Eventually);
        Assert.Equal(2, threads.Count);
    }

    [Fact]
    public async Task An_attempt_that_throws_faults_its_task_and_the_thread_goes_on()
    {
        using var threads = new ScoringThreads();

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => threads.RunAsync<int>(() => throw new InvalidDataException("bad row")));
        Assert.Equal("bad row", error.Message);
        using var canceled = new CancellationTokenSource();
        await canceled.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => threads.RunAsync<int>(() => throw new OperationCanceledException(canceled.Token)));
        Assert.Equal(7, await threads.RunAsync(() => 7));
        Assert.Equal(1, threads.Count);
    }

    [Fact]
    public async Task Threads_idle_past_their_lifetime_end()
    {
        using var threads = new ScoringThreads(TimeSpan.FromMilliseconds(50));
        using var both = new Barrier(2);
        await Task.WhenAll(threads.RunAsync(() => both.SignalAndWait(Eventually)), threads.RunAsync(() => both.SignalAndWait(Eventually))).WaitAsync(Eventually);
        Assert.Equal(2, threads.Count);

        var deadline = DateTime.UtcNow + Eventually;
        while (threads.Count > 0 && DateTime.UtcNow < deadline)
            await Task.Delay(20);
        Assert.Equal(0, threads.Count);
        // And the pool still works: a new thread starts.
        Assert.Equal(1, await threads.RunAsync(() => 1).WaitAsync(Eventually));
    }
}
