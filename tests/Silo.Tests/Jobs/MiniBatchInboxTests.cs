using OrleansBatch.Grains.Domain.Jobs;
using OrleansBatch.Silo.Jobs;

namespace OrleansBatch.Silo.Tests.Jobs;

public class MiniBatchInboxTests
{
    private static MiniBatchResult Result(int index) =>
        new(index, true, null, [new MiniBatchSegment(index, 1, 1)], ["file_name", "row", "prediction"], 1, 0, 1, 1, [], 0, "worker@test", DateTimeOffset.UnixEpoch, "0,1\n", 4);

    [Fact]
    public async Task A_watching_owner_takes_its_own_jobs_results_in_order_and_is_woken()
    {
        var signals = new JobSignals();
        var inbox = new MiniBatchInbox(signals);
        using var box = inbox.Open("t1", "job-a");
        using var other = inbox.Open("t1", "job-b");

        inbox.Post("t1", "job-a", Result(2));
        inbox.Post("t1", "job-b", Result(7));
        inbox.Post("t1", "job-a", Result(0));

        Assert.Equal([2, 0], box.Take().Select(r => r.Index));
        Assert.Empty(box.Take());
        Assert.Equal([7], other.Take().Select(r => r.Index));
        // The post left a pulse: the owner's next wait returns at once rather than at its poll.
        var wait = signals.WaitAsync(JobSignals.JobTopic("t1", "job-a"), TimeSpan.FromMinutes(5), CancellationToken.None);
        Assert.Same(wait, await Task.WhenAny(wait, Task.Delay(TimeSpan.FromSeconds(30))));
    }

    [Fact]
    public void A_result_for_a_job_nobody_watches_here_is_dropped_and_a_closed_box_takes_nothing_more()
    {
        var inbox = new MiniBatchInbox(new JobSignals());
        inbox.Post("t1", "job-a", Result(0));
        var box = inbox.Open("t1", "job-a");
        Assert.Empty(box.Take());

        box.Dispose();
        inbox.Post("t1", "job-a", Result(1));
        Assert.Empty(box.Take());
        using var reopened = inbox.Open("t1", "job-a");
        Assert.Empty(reopened.Take());
    }

    [Fact]
    public void Closing_an_old_box_leaves_the_owner_that_replaced_it_watching()
    {
        var inbox = new MiniBatchInbox(new JobSignals());
        var old = inbox.Open("t1", "job-a");
        using var current = inbox.Open("t1", "job-a");
        old.Dispose();

        inbox.Post("t1", "job-a", Result(3));
        Assert.Equal([3], current.Take().Select(r => r.Index));
    }
}
