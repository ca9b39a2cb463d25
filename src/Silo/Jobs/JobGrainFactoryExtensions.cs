using Orleans;
using OrleansBatch.Abstractions;

namespace OrleansBatch.Silo.Jobs;

/// <summary>How silo code reaches a job's record grain.</summary>
public static class JobGrainFactoryExtensions
{
    /// <summary>The record of job <paramref name="name"/>, with the caller's <see cref="TenantContext"/> set to its tenant (the grain call filter checks it).</summary>
    public static IJobStateGrain JobRecord(this IGrainFactory grains, string tenant, string name)
    {
        TenantContext.Set(tenant);
        return grains.GetGrain<IJobStateGrain>(GrainKeys.Of(tenant, name));
    }
}
