using Orleans;
using Orleans.Placement;
using OrleansBatch.Abstractions.Jobs;

namespace OrleansBatch.Silo.Workers;

/// <summary>
/// A mini-batch, placed on the silo with the fewest activations (so a job's mini-batches spread over every silo), where
/// it waits for a scoring slot (<see cref="MiniBatchScheduler"/>). The activation lives while the mini-batch waits and
/// scores, so a second sending of it lands here and finds it recorded; then it goes.
/// </summary>
[ActivationCountBasedPlacement]
public sealed class MiniBatchGrain(MiniBatchScheduler scheduler) : Grain, IMiniBatchGrain
{
    public async Task ScoreAsync(MiniBatchWork work)
    {
        await scheduler.RunAsync(work);
        this.DeactivateOnIdle();
    }
}
