using OrleansBatch.Abstractions;

namespace OrleansBatch.Grains.Security;

/// <summary>
/// Every call into one of this platform's grains must act for the tenant in the grain's key (or for the platform):
/// the caller's tenant travels in <see cref="RequestContext"/> (<see cref="TenantContext"/>). A call without one, or for
/// another tenant, is refused before the grain runs, so no bug and no Orleans client bound to another tenant can cross
/// tenants. A <see cref="SiloInternalAttribute">silo-internal</see> grain also needs the <see cref="InternalCallKey"/>
/// of the platform's own processes. Orleans' own calls (reminders, system targets) and other assemblies' grains pass.
/// </summary>
public sealed class TenantCallFilter(InternalCallKey key) : IIncomingGrainCallFilter
{
    public Task Invoke(IIncomingGrainCallContext context)
    {
        if (context.InterfaceMethod?.DeclaringType is { } contract && contract.Assembly.GetName().Name?.StartsWith("OrleansBatch.", StringComparison.Ordinal) == true)
        {
            if (contract.IsDefined(typeof(SiloInternalAttribute), inherit: false) && !key.Admits(RequestContext.Get(InternalCallKey.RequestContextKey)))
                throw new InternalGrainCallException(
                    $"Grain interface {contract.Name} is internal to the platform's silos and refuses calls from other Orleans clients; reach jobs through IJobsGrain (IOrleansBatchClient.Jobs).");
            Check(context.TargetId, TenantContext.Current);
        }
        return context.Invoke();
    }

    /// <summary>Throws <see cref="CrossTenantCallException"/> unless <paramref name="caller"/> may call <paramref name="target"/>.</summary>
    public static void Check(GrainId target, string? caller)
    {
        if (caller == TenantContext.Platform)
            return;
        var key = target.Key.ToString() ?? "";
        if (caller is null || !string.Equals(GrainKeys.TenantOf(key), caller, StringComparison.Ordinal))
            throw new CrossTenantCallException($"A call for tenant '{caller ?? "(none)"}' cannot reach grain {target.Type}/{key}: set the caller's tenant with TenantContext.Set (the Orleans client of UseOrleansBatchClient does).");
    }
}
