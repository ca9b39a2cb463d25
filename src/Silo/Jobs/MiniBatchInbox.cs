using System.Collections.Concurrent;
using OrleansBatch.Grains.Domain.Jobs;

namespace OrleansBatch.Silo.Jobs;

/// <summary>
/// Results on their way to the owners running in this silo: a worker's call to the job's grain posts the result it
/// recorded, and the owner takes it from its box without reading the store. Only an owner that watches has a box; a
/// result posted to none is dropped, because an owner reads the store when it starts and again at every poll.
/// </summary>
public sealed class MiniBatchInbox(JobSignals signals)
{
    private readonly ConcurrentDictionary<string, Box> _boxes = new(StringComparer.Ordinal);

    /// <summary>Opens the box of a job's owner (dispose it when the owner stops watching).</summary>
    public Box Open(string tenant, string job)
    {
        var box = new Box(this, JobSignals.JobTopic(tenant, job));
        _boxes[box.Topic] = box;
        return box;
    }

    /// <summary>Hands <paramref name="result"/> to the job's owner if it watches, and wakes it.</summary>
    public void Post(string tenant, string job, MiniBatchResult result)
    {
        var topic = JobSignals.JobTopic(tenant, job);
        if (_boxes.TryGetValue(topic, out var box))
            box.Results.Enqueue(result);
        signals.Pulse(topic);
    }

    /// <summary>One owner's results, in the order they were posted.</summary>
    public sealed class Box(MiniBatchInbox inbox, string topic) : IDisposable
    {
        internal string Topic { get; } = topic;

        internal ConcurrentQueue<MiniBatchResult> Results { get; } = new();

        /// <summary>Takes every result posted since the last call.</summary>
        public List<MiniBatchResult> Take()
        {
            var taken = new List<MiniBatchResult>();
            while (Results.TryDequeue(out var result))
                taken.Add(result);
            return taken;
        }

        public void Dispose() => inbox._boxes.TryRemove(new KeyValuePair<string, Box>(Topic, this));
    }
}
