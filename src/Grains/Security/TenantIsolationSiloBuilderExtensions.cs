using Microsoft.Extensions.DependencyInjection;
using Orleans.Hosting;

namespace OrleansBatch.Grains.Security;

public static class TenantIsolationSiloBuilderExtensions
{
    /// <summary>
    /// The tenant filter on every call into this silo (<see cref="TenantCallFilter"/>), and <paramref name="key"/> on every
    /// call it makes (<see cref="InternalCallStamp"/>), so its calls reach the silo-internal grains of the cluster.
    /// </summary>
    public static ISiloBuilder AddTenantIsolation(this ISiloBuilder silo, InternalCallKey key)
    {
        silo.Services.AddSingleton(key);
        silo.AddIncomingGrainCallFilter<TenantCallFilter>();
        silo.AddOutgoingGrainCallFilter<InternalCallStamp>();
        return silo;
    }

    /// <summary>
    /// <paramref name="key"/> on every call of this client: only for the platform's own processes (a gateway in client
    /// mode), never for the Orleans client library that other services use.
    /// </summary>
    public static IClientBuilder AddInternalCallStamp(this IClientBuilder client, InternalCallKey key)
    {
        client.Services.AddSingleton(key);
        client.AddOutgoingGrainCallFilter<InternalCallStamp>();
        return client;
    }
}
