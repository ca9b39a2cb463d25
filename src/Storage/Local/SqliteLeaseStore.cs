using OrleansBatch.Grains.Providers;

namespace OrleansBatch.Storage.Local;

/// <summary>
/// Leases as rows with an expiry time. Acquire takes a free or lapsed row with a new token; renew and
/// release need the token of the holding, so a holder whose lease lapsed and was taken cannot touch it.
/// </summary>
public sealed class SqliteLeaseStore(LocalDatabase database) : ILeaseStore
{
    public Task<Lease?> TryAcquireAsync(string resource, string owner, TimeSpan ttl, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(resource);
        ArgumentException.ThrowIfNullOrEmpty(owner);
        ValidateTtl(ttl);
        return database.WriteAsync<Lease?>((connection, transaction) =>
        {
            var now = database.NowMs;
            var lease = new Lease(resource, owner, Guid.NewGuid().ToString("N"), LocalDatabase.FromMs(now + LocalDatabase.ToMs(ttl)));
            // One statement: insert when free, overwrite only when lapsed; the row count says whether we got it.
            using var acquire = connection.Command(
                """
                INSERT INTO lease (resource, owner, token, expires_at) VALUES ($resource, $owner, $token, $expires)
                ON CONFLICT (resource) DO UPDATE SET owner = excluded.owner, token = excluded.token, expires_at = excluded.expires_at
                WHERE lease.expires_at <= $now
                """,
                transaction,
                ("$resource", resource), ("$owner", owner), ("$token", lease.Token),
                ("$expires", lease.ExpiresAt.ToUnixTimeMilliseconds()), ("$now", now));
            return acquire.ExecuteNonQuery() == 1 ? lease : null;
        }, cancellationToken);
    }

    public async Task<Lease?> RenewAsync(Lease lease, TimeSpan ttl, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lease);
        ValidateTtl(ttl);
        // A lapsed lease nobody took yet still carries our token: renewing it is safe.
        var renewed = lease with { ExpiresAt = LocalDatabase.FromMs(database.NowMs + LocalDatabase.ToMs(ttl)) };
        var changed = await database.ExecuteAsync(
            "UPDATE lease SET expires_at = $expires WHERE resource = $resource AND token = $token",
            [("$expires", renewed.ExpiresAt.ToUnixTimeMilliseconds()), ("$resource", lease.Resource), ("$token", lease.Token)],
            cancellationToken).ConfigureAwait(false);
        return changed == 1 ? renewed : null;
    }

    public Task ReleaseAsync(Lease lease, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lease);
        return database.ExecuteAsync(
            "DELETE FROM lease WHERE resource = $resource AND token = $token",
            [("$resource", lease.Resource), ("$token", lease.Token)], cancellationToken);
    }

    private static void ValidateTtl(TimeSpan ttl)
    {
        if (ttl <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(ttl), ttl, "A lease's time-to-live must be positive.");
    }
}
