namespace OrleansBatch.OrleansClient;

/// <summary>A part of <see cref="IOrleansBatchClient"/>: the grains of its one tenant.</summary>
public abstract class TenantScopedClient
{
    /// <summary>Page size of the lists it walks.</summary>
    private protected const int PageSize = 100;

    /// <summary>For mocking.</summary>
    protected TenantScopedClient()
    {
    }

    private protected TenantScopedClient(IGrainFactory grains, string tenant) => (Grains, Tenant) = (grains, tenant);

    private protected IGrainFactory Grains { get; } = null!;

    private protected string Tenant { get; } = null!;
}
