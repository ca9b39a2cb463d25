namespace OrleansBatch.Grains.Security;

/// <summary>Puts the <see cref="InternalCallKey"/> in every grain call this process makes (silos, and a gateway in client mode; never the Orleans client library's).</summary>
public sealed class InternalCallStamp(InternalCallKey key) : IOutgoingGrainCallFilter
{
    public Task Invoke(IOutgoingGrainCallContext context)
    {
        RequestContext.Set(InternalCallKey.RequestContextKey, key.Value);
        return context.Invoke();
    }
}
