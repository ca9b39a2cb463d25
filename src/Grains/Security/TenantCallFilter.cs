using System.Collections.Concurrent;
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
    /// <summary>Per grain interface: not this platform's, this platform's, or this platform's and silo-internal (worked out once per interface).</summary>
    private static readonly ConcurrentDictionary<Type, Contract> Contracts = new();

    private enum Contract { Foreign, Tenant, SiloInternal }

    public Task Invoke(IIncomingGrainCallContext context)
    {
        if (context.InterfaceMethod?.DeclaringType is { } type && Contracts.GetOrAdd(type, Classify) is var contract and not Contract.Foreign)
        {
            if (contract == Contract.SiloInternal && !key.Admits(RequestContext.Get(InternalCallKey.RequestContextKey)))
                throw new InternalGrainCallException(
                    $"Grain interface {type.Name} is internal to the platform's silos and refuses calls from other Orleans clients; reach jobs through IJobsGrain (IOrleansBatchClient.Jobs).");
            Check(context.TargetId, TenantContext.Current);
        }
        return context.Invoke();
    }

    private static Contract Classify(Type type) =>
        type.Assembly.GetName().Name?.StartsWith("OrleansBatch.", StringComparison.Ordinal) != true ? Contract.Foreign
        : type.IsDefined(typeof(SiloInternalAttribute), inherit: false) ? Contract.SiloInternal
        : Contract.Tenant;

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
