using System.Diagnostics;
using Orleans;
using Orleans.Placement;

namespace OrleansBatch.Bench.Grains;

/// <summary>Placed at random, so among a few keys some run on each silo; the program picks callers and targets by silo.</summary>
[RandomPlacement]
public sealed class ProbeGrain : Grain, IProbeGrain
{
    public Task<string> Where() => Task.FromResult(RuntimeIdentity);

    public Task<int> Ping(int value) => Task.FromResult(value);

    public async Task<double> Call(long target, int calls, int outstanding)
    {
        var grain = GrainFactory.GetGrain<IProbeGrain>(target);
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, outstanding).Select(async lane =>
        {
            for (var i = lane; i < calls; i += outstanding)
                await grain.Ping(i);
        }));
        return clock.Elapsed.TotalSeconds;
    }
}
