namespace OrleansBatch.Abstractions.Jobs;

/// <summary>
/// Scores one mini-batch (keyed <c>tenant/job/index</c>) on whichever silo placement chose, within that silo's scoring
/// slots and its fair share between tenants, and records the result (the first record wins). Stateless: sending the
/// same mini-batch again lands on the same activation while it lives, which finds the result recorded and does nothing.
/// </summary>
[Alias("obatch.IMiniBatchGrain"), SiloInternal]
public interface IMiniBatchGrain : IGrainWithStringKey
{
    [Alias("Score"), OneWay] Task ScoreAsync(MiniBatchWork work);
}
