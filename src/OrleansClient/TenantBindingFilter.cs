using Microsoft.Extensions.Options;
using OrleansBatch.Abstractions;

namespace OrleansBatch.OrleansClient;

/// <summary>
/// Binds every grain call of this client to its one tenant: whatever the calling code put in
/// <see cref="Orleans.Runtime.RequestContext"/>, the call carries the configured tenant, so the silos' tenant filter
/// refuses any grain of another tenant (<see cref="CrossTenantCallException"/>).
/// </summary>
internal sealed class TenantBindingFilter(IOptions<OrleansBatchClientOptions> options) : IOutgoingGrainCallFilter
{
    private readonly string _tenant = options.Value.Tenant!;

    public async Task Invoke(IOutgoingGrainCallContext context)
    {
        // Async, so the tenant set here stays in this call's context and does not leak into the caller's.
        TenantContext.Set(_tenant);
        await context.Invoke().ConfigureAwait(false);
    }
}
