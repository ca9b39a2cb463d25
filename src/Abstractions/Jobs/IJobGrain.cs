namespace OrleansBatch.Abstractions.Jobs;

/// <summary>
/// The owner of a live job (keyed <c>tenant/job</c>): while active it plans, dispatches mini-batches, watches their
/// results and finalizes. A reminder and the silos' membership listener reactivate it elsewhere when its silo dies.
/// </summary>
[Alias("obatch.IJobGrain"), SiloInternal]
public interface IJobGrain : IGrainWithStringKey
{
    /// <summary>Makes sure the job is being run (idempotent): after invoke, after a restart, after a silo died.</summary>
    [Alias("Start")] Task StartAsync();
}
