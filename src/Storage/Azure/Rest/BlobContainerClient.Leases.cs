using System.Globalization;
using Azure;
using Azure.Core;

namespace OrleansBatch.Storage.Azure.Rest;

public sealed partial class BlobContainerClient
{
    /// <summary>The shortest and longest finite lease the Blob service grants.</summary>
    public static readonly TimeSpan MinLeaseDuration = TimeSpan.FromSeconds(15), MaxLeaseDuration = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Acquires a lease: <paramref name="duration"/> 15 to 60 seconds, or null for one that never expires.
    /// 409 <c>LeaseAlreadyPresent</c> when another lease is active. Acquiring again with the active lease's id
    /// as <paramref name="proposedLeaseId"/> changes its duration.
    /// </summary>
    public async Task<BlobLease> AcquireLeaseAsync(string blobName, TimeSpan? duration, string? proposedLeaseId = null, RequestConditions? conditions = null, CancellationToken cancellationToken = default)
    {
        if (duration is { } d && (d < MinLeaseDuration || d > MaxLeaseDuration))
            throw new ArgumentOutOfRangeException(nameof(duration), duration, "A blob lease lasts 15 to 60 seconds, or forever (null).");
        using var message = LeaseMessage(blobName, "acquire", conditions);
        var seconds = duration is null ? -1 : (int)Math.Round(duration.Value.TotalSeconds);
        message.Request.Headers.SetValue("x-ms-lease-duration", seconds.ToString(CultureInfo.InvariantCulture));
        if (proposedLeaseId is not null)
            message.Request.Headers.SetValue("x-ms-proposed-lease-id", proposedLeaseId);
        var response = await _pipeline.SendAsync(message, cancellationToken, 201).ConfigureAwait(false);
        return Lease(response, response.Headers.TryGetValue("x-ms-lease-id", out var id) ? id : proposedLeaseId!);
    }

    /// <summary>Renews an active (or expired but untaken) lease for its original duration. 409 when another lease holds the blob.</summary>
    public async Task<BlobLease> RenewLeaseAsync(string blobName, string leaseId, CancellationToken cancellationToken = default)
    {
        using var message = LeaseMessage(blobName, "renew", null, leaseId);
        var response = await _pipeline.SendAsync(message, cancellationToken, 200).ConfigureAwait(false);
        return Lease(response, leaseId);
    }

    /// <summary>Releases a lease so another client may acquire one at once.</summary>
    public async Task ReleaseLeaseAsync(string blobName, string leaseId, CancellationToken cancellationToken = default)
    {
        using var message = LeaseMessage(blobName, "release", null, leaseId);
        await _pipeline.SendAsync(message, cancellationToken, 200).ConfigureAwait(false);
    }

    /// <summary>
    /// Breaks the active lease without its id: at once (<paramref name="breakPeriod"/> zero) or after up to 60 s.
    /// Returns how long until it is broken.
    /// </summary>
    public async Task<TimeSpan> BreakLeaseAsync(string blobName, TimeSpan? breakPeriod = null, CancellationToken cancellationToken = default)
    {
        using var message = LeaseMessage(blobName, "break", null);
        if (breakPeriod is { } period)
            message.Request.Headers.SetValue("x-ms-lease-break-period", ((int)period.TotalSeconds).ToString(CultureInfo.InvariantCulture));
        var response = await _pipeline.SendAsync(message, cancellationToken, 202).ConfigureAwait(false);
        return response.Headers.TryGetValue("x-ms-lease-time", out var time) && int.TryParse(time, out var seconds)
            ? TimeSpan.FromSeconds(seconds)
            : TimeSpan.Zero;
    }

    private HttpMessage LeaseMessage(string blobName, string action, RequestConditions? conditions, string? leaseId = null)
    {
        var message = _pipeline.Create(RequestMethod.Put, BlobPath(blobName), ("comp", "lease"));
        message.Request.Headers.SetValue("x-ms-lease-action", action);
        StorageHeaders.Apply(message.Request, conditions, leaseId);
        return message;
    }

    private static BlobLease Lease(Response response, string leaseId) =>
        new(leaseId, StorageHeaders.ETagOf(response), StorageHeaders.LastModifiedOf(response));
}
