using OrleansBatch.Abstractions;
namespace OrleansBatch.Grains.Providers;

/// <summary>
/// Leases for long-running ownership (a job's orchestrator). A lease has a time-to-live that the
/// holder renews; when the holder dies the lease lapses and another silo may take it.
/// </summary>
public interface ILeaseStore
{
    /// <summary>Takes the lease on <paramref name="resource"/> if it is free or lapsed; null when someone else holds it.</summary>
    Task<Lease?> TryAcquireAsync(string resource, string owner, TimeSpan ttl, CancellationToken cancellationToken = default);

    /// <summary>Extends a lease still held; returns the renewed lease, or null when it was lost (lapsed and taken).</summary>
    Task<Lease?> RenewAsync(Lease lease, TimeSpan ttl, CancellationToken cancellationToken = default);

    /// <summary>Gives the lease up (no error when it was already lost).</summary>
    Task ReleaseAsync(Lease lease, CancellationToken cancellationToken = default);
}

/// <summary>A held lease. <see cref="Token"/> identifies this holding (a new one on every acquire).</summary>
public sealed record Lease(string Resource, string Owner, string Token, DateTimeOffset ExpiresAt);
