using System.Globalization;
using Azure;
using OrleansBatch.Grains.Providers;
using OrleansBatch.Storage.Azure.Rest;

namespace OrleansBatch.Storage.Azure;

/// <summary>
/// Grain state as one blob per grain in <c>&lt;prefix&gt;-state</c>, named <c>hex(type)/hex(tenant)/hex(key)</c>
/// (see <see cref="BlobNames"/>). The body is the state JSON as given; version and write time travel as
/// blob metadata; the etag is the blob's. Creates are <c>If-None-Match: *</c>, updates and deletes
/// <c>If-Match</c>, so the service decides which of two silos wins; its 409/412/404 become
/// <see cref="ConcurrencyConflictException"/>.
/// <para>
/// Queries list blobs by name prefix. Ascending pages follow the service's own continuation markers.
/// Descending pages list every matching name and walk them backwards (the service lists in one direction
/// only), so a descending query costs a full listing of the prefix per page.
/// </para>
/// </summary>
public sealed class BlobGrainStateStore(AzureStorageBackend backend) : IGrainStateStore
{
    private const string VersionKey = "version";
    private const string UpdatedKey = "updatedms";
    private const int ReadParallelism = 8;

    private BlobContainerClient Blobs => backend.State;

    public async Task<GrainStateRecord?> ReadAsync(StateKey id, CancellationToken cancellationToken = default)
    {
        Validate(id);
        await backend.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        return await ReadBlobAsync(id, BlobName(id), cancellationToken).ConfigureAwait(false);
    }

    public async Task<GrainStateRecord> WriteAsync(StateKey id, string json, long version, string? expectedETag, CancellationToken cancellationToken = default)
    {
        Validate(id);
        ArgumentNullException.ThrowIfNull(json);
        await backend.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var updatedAt = DateTimeOffset.FromUnixTimeMilliseconds(backend.Time.GetUtcNow().ToUnixTimeMilliseconds());
        var conditions = expectedETag is null ? new RequestConditions { IfNoneMatch = ETag.All } : new RequestConditions { IfMatch = new ETag(expectedETag) };
        var metadata = new Dictionary<string, string>
        {
            [VersionKey] = version.ToString(CultureInfo.InvariantCulture),
            [UpdatedKey] = updatedAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
        };
        try
        {
            var written = await Blobs.UploadAsync(BlobName(id), BinaryData.FromString(json), conditions, "application/json", metadata, cancellationToken: cancellationToken).ConfigureAwait(false);
            return new GrainStateRecord(id, json, version, written.ETag.ToString(), updatedAt);
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412 or 404)
        {
            throw await ConflictAsync(id, expectedETag, cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task DeleteAsync(StateKey id, string expectedETag, CancellationToken cancellationToken = default)
    {
        Validate(id);
        ArgumentNullException.ThrowIfNull(expectedETag);
        await backend.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await Blobs.DeleteBlobAsync(BlobName(id), new RequestConditions { IfMatch = new ETag(expectedETag) }, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status is 412 or 404)
        {
            throw await ConflictAsync(id, expectedETag, cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task<GrainStatePage> QueryAsync(GrainQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentException.ThrowIfNullOrEmpty(query.Type, nameof(query.Type));
        ArgumentException.ThrowIfNullOrEmpty(query.Tenant, nameof(query.Tenant));
        ArgumentNullException.ThrowIfNull(query.KeyPrefix, nameof(query.KeyPrefix));
        query.ThrowIfInvalid();
        var after = query.Continuation is null ? null : GrainQueryContinuation.Decode(query.Continuation);
        await backend.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);

        var folder = $"{BlobNames.Encode(query.Type)}/{BlobNames.Encode(query.Tenant)}/";
        var prefix = folder + BlobNames.Encode(query.KeyPrefix);
        // One more than a page: whether it exists decides whether there is a next page.
        var (names, resumeMarker) = query.Descending
            ? (await DescendingAsync(prefix, after, query.Top + 1, cancellationToken).ConfigureAwait(false), null)
            : await AscendingAsync(prefix, after, query.Top + 1, cancellationToken).ConfigureAwait(false);

        var page = names.Take(query.Top).ToList();
        var records = new GrainStateRecord?[page.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, page.Count), new ParallelOptions { MaxDegreeOfParallelism = ReadParallelism, CancellationToken = cancellationToken },
            async (i, ct) =>
            {
                var id = new StateKey(query.Type, query.Tenant, BlobNames.Decode(page[i][folder.Length..]));
                records[i] = await ReadBlobAsync(id, page[i], ct).ConfigureAwait(false);
            }).ConfigureAwait(false);

        var continuation = names.Count > query.Top ? new GrainQueryContinuation(page[^1], resumeMarker).Encode() : null;
        // A grain deleted between listing and reading is simply left out of the page.
        return new GrainStatePage([.. records.OfType<GrainStateRecord>()], continuation);
    }

    /// <summary>
    /// Up to <paramref name="count"/> names after the continuation, in name order, and the service marker of the
    /// listing call that returned the last of them (a next page resumes there and skips what it has seen).
    /// </summary>
    private async Task<(List<string> Names, string? Marker)> AscendingAsync(string prefix, GrainQueryContinuation? after, int count, CancellationToken cancellationToken)
    {
        var names = new List<string>(count);
        var marker = after?.Marker;
        var markerOfLast = marker;
        while (true)
        {
            var listing = await Blobs.ListBlobsAsync(prefix, marker, Math.Min(5000, count), cancellationToken).ConfigureAwait(false);
            foreach (var item in listing.Items)
            {
                if (after is not null && string.CompareOrdinal(item.Name, after.After) <= 0)
                    continue;
                names.Add(item.Name);
                markerOfLast = marker;
                if (names.Count == count)
                    return (names, markerOfLast);
            }
            if (listing.NextMarker is null)
                return (names, markerOfLast);
            marker = listing.NextMarker;
        }
    }

    private async Task<List<string>> DescendingAsync(string prefix, GrainQueryContinuation? after, int count, CancellationToken cancellationToken)
    {
        var all = new List<string>();
        await foreach (var item in Blobs.ListAllBlobsAsync(prefix, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (after is null || string.CompareOrdinal(item.Name, after.After) < 0)
                all.Add(item.Name);
        }
        all.Reverse();
        return all.Count > count ? all.GetRange(0, count) : all;
    }

    private async Task<GrainStateRecord?> ReadBlobAsync(StateKey id, string blobName, CancellationToken cancellationToken)
    {
        try
        {
            var (content, properties) = await Blobs.DownloadContentAsync(blobName, cancellationToken: cancellationToken).ConfigureAwait(false);
            var version = properties.Metadata.TryGetValue(VersionKey, out var v) ? long.Parse(v, CultureInfo.InvariantCulture) : 0;
            var updatedAt = properties.Metadata.TryGetValue(UpdatedKey, out var u)
                ? DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(u, CultureInfo.InvariantCulture))
                : properties.LastModified;
            return new GrainStateRecord(id, content.ToString(), version, properties.ETag.ToString(), updatedAt);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    private async Task<ConcurrencyConflictException> ConflictAsync(StateKey id, string? expectedETag, CancellationToken cancellationToken)
    {
        string? stored;
        try
        {
            stored = (await Blobs.GetPropertiesAsync(BlobName(id), cancellationToken: cancellationToken).ConfigureAwait(false)).ETag.ToString();
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            stored = null;
        }
        return new ConcurrencyConflictException(id, expectedETag, stored);
    }

    private static string BlobName(StateKey id) => $"{BlobNames.Encode(id.Type)}/{BlobNames.Encode(id.Tenant)}/{BlobNames.Encode(id.Key)}";

    private static void Validate(StateKey id)
    {
        ArgumentException.ThrowIfNullOrEmpty(id.Type, nameof(StateKey.Type));
        ArgumentException.ThrowIfNullOrEmpty(id.Tenant, nameof(StateKey.Tenant));
        ArgumentException.ThrowIfNullOrEmpty(id.Key, nameof(StateKey.Key));
    }
}
