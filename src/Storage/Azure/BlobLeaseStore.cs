using System.Text.Json;
using Azure;
using OrleansBatch.Grains.Providers;
using Rest = OrleansBatch.Storage.Azure.Rest;

namespace OrleansBatch.Storage.Azure;

/// <summary>
/// Leases as expiry records: one small JSON blob per resource in <c>&lt;prefix&gt;-leases</c> holding owner,
/// token and expiry, changed only by conditional writes (<c>If-None-Match: *</c> to take a free resource,
/// <c>If-Match</c> on the etag read to take a lapsed one, renew or release), so of two silos exactly one wins.
/// <para>
/// Why not native blob leases: they last 15 to 60 seconds or forever, and a renewal keeps the first
/// duration, while this contract lets each acquire and renew ask for any time-to-live. The price: expiry is
/// judged by the clocks of the silos, which must agree (NTP) to well within the time-to-live.
/// </para>
/// </summary>
public sealed class BlobLeaseStore(AzureStorageBackend backend) : ILeaseStore
{
    // Lost races where the resource turned out free (released meanwhile) are tried again, a few times.
    private const int Attempts = 4;

    private Rest.BlobContainerClient Blobs => backend.Leases;

    public async Task<Lease?> TryAcquireAsync(string resource, string owner, TimeSpan ttl, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(resource);
        ArgumentException.ThrowIfNullOrEmpty(owner);
        ValidateTtl(ttl);
        await backend.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var token = Guid.NewGuid().ToString("N");

        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var current = await ReadAsync(resource, cancellationToken).ConfigureAwait(false);
            var now = backend.Time.GetUtcNow();
            if (current is { Record: var held } && held.ExpiresAtMs > now.ToUnixTimeMilliseconds())
                return null;

            var lease = new Lease(resource, owner, token, Expiry(now, ttl));
            var conditions = current is null ? new RequestConditions { IfNoneMatch = ETag.All } : new RequestConditions { IfMatch = current.Value.ETag };
            try
            {
                await WriteAsync(lease, conditions, cancellationToken).ConfigureAwait(false);
                return lease;
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412)
            {
                // Another silo wrote first: it holds the lease now (or released it at once; look again).
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
                // Released (deleted) between our read and write: the resource is free; look again.
            }
        }
        return null;
    }

    public async Task<Lease?> RenewAsync(Lease lease, TimeSpan ttl, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lease);
        ValidateTtl(ttl);
        await backend.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            // A lapsed lease nobody took yet still carries our token: renewing it is safe.
            var current = await ReadAsync(lease.Resource, cancellationToken).ConfigureAwait(false);
            if (current is not { Record: var held } || held.Token != lease.Token)
                return null;
            var renewed = lease with { ExpiresAt = Expiry(backend.Time.GetUtcNow(), ttl) };
            try
            {
                await WriteAsync(renewed, new RequestConditions { IfMatch = current.Value.ETag }, cancellationToken).ConfigureAwait(false);
                return renewed;
            }
            catch (RequestFailedException e) when (e.Status is 412 or 404)
            {
                // Changed under us (taken, released, or our own concurrent renew): read again.
            }
        }
        return null;
    }

    public async Task ReleaseAsync(Lease lease, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lease);
        await backend.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var current = await ReadAsync(lease.Resource, cancellationToken).ConfigureAwait(false);
        if (current is not { Record: var held } || held.Token != lease.Token)
            return;
        try
        {
            await Blobs.DeleteBlobAsync(BlobNames.Encode(lease.Resource), new RequestConditions { IfMatch = current.Value.ETag }, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status is 412 or 404)
        {
            // Lost meanwhile: nothing of ours to release.
        }
    }

    private async Task<(LeaseRecord Record, ETag ETag)?> ReadAsync(string resource, CancellationToken cancellationToken)
    {
        try
        {
            var (content, properties) = await Blobs.DownloadContentAsync(BlobNames.Encode(resource), cancellationToken: cancellationToken).ConfigureAwait(false);
            var record = content.ToObjectFromJson<LeaseRecord>(JsonSerializerOptions.Web)
                         ?? throw new InvalidDataException($"Lease blob for '{resource}' is empty.");
            return (record, properties.ETag);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    private Task WriteAsync(Lease lease, RequestConditions conditions, CancellationToken cancellationToken) =>
        Blobs.UploadAsync(
            BlobNames.Encode(lease.Resource),
            BinaryData.FromObjectAsJson(new LeaseRecord(lease.Owner, lease.Token, lease.ExpiresAt.ToUnixTimeMilliseconds()), JsonSerializerOptions.Web),
            conditions,
            "application/json",
            cancellationToken: cancellationToken);

    // Whole milliseconds, as stored, so the returned lease equals what a reader sees.
    private static DateTimeOffset Expiry(DateTimeOffset now, TimeSpan ttl) =>
        DateTimeOffset.FromUnixTimeMilliseconds(now.ToUnixTimeMilliseconds() + (long)Math.Ceiling(ttl.TotalMilliseconds));

    private static void ValidateTtl(TimeSpan ttl)
    {
        if (ttl <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(ttl), ttl, "A lease's time-to-live must be positive.");
    }
}
