using Orleans;

namespace OrleansBatch.Bench.Grains;

/// <summary>A grain that answers calls and times calls of its own to another probe grain.</summary>
[Alias("OrleansBatch.Bench.Grains.IProbeGrain")]
public interface IProbeGrain : IGrainWithIntegerKey
{
    /// <summary>The silo this activation runs on.</summary>
    [Alias("Where")]
    Task<string> Where();

    /// <summary>Does nothing: the cost of a call is all there is.</summary>
    [Alias("Ping")]
    Task<int> Ping(int value);

    /// <summary>
    /// Calls <see cref="Ping"/> on probe <paramref name="target"/> <paramref name="calls"/> times, with
    /// <paramref name="outstanding"/> calls in flight at once; returns the elapsed seconds.
    /// </summary>
    [Alias("Call")]
    Task<double> Call(long target, int calls, int outstanding);
}
