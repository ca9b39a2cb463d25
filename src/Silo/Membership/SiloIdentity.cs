namespace OrleansBatch.Silo.Membership;

/// <summary>
/// Who this silo is in the cluster: a fresh id per process start, the address it is reached at (set by
/// the host once it knows its listening address) and its count of mini-batches being scored.
/// </summary>
public sealed class SiloIdentity
{
    private int _activeMiniBatches;

    public SiloIdentity(TimeProvider time)
    {
        Id = $"{Environment.MachineName.ToLowerInvariant()}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}";
        Address = $"{Environment.MachineName}/{Environment.ProcessId}";
        StartedAt = time.GetUtcNow();
    }

    public string Id { get; }

    public DateTimeOffset StartedAt { get; }

    /// <summary>Where the silo is reachable (e.g. the gateway's URL); a machine/process label until the host sets it.</summary>
    public string Address { get; set; }

    public int ActiveMiniBatches => Volatile.Read(ref _activeMiniBatches);

    /// <summary>Set when the host begins to stop: heartbeats report ShuttingDown from then on.</summary>
    public bool ShuttingDown { get; set; }

    /// <summary>Workers call this when they start scoring a mini-batch, and <see cref="MiniBatchEnded"/> when done.</summary>
    public void MiniBatchStarted() => Interlocked.Increment(ref _activeMiniBatches);

    public void MiniBatchEnded() => Interlocked.Decrement(ref _activeMiniBatches);
}
