using System.Runtime.CompilerServices;
using System.Text;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using OrleansBatch.Grains.Providers;

namespace OrleansBatch.Storage.Azure;

/// <summary>
/// Grain state and the platform's query store on Azure Table storage (Azure.Data.Tables): one partition per
/// type and tenant, two rows per record (ascending and descending key order, see <see cref="StateRowKeys"/>)
/// written together in one entity-group transaction, so both orders are one range query per page.
/// Creates add both rows (the service refuses an existing one: first create wins); updates and deletes are
/// conditional on the etag of the row the caller read (both rows change together, so either names the
/// version). Query fields are properties of both rows, so every write replaces them with the state. 409/412/404 become
/// <see cref="ConcurrencyConflictException"/>.
/// <para>
/// The state JSON travels as UTF-8 in binary properties of at most 64 KiB each. A state too large for an
/// entity goes to a blob of its own in <c>&lt;prefix&gt;-state</c>, named in the row; its name is part of the
/// record's etag, so the write that replaces or deletes that version also deletes its blob.
/// </para>
/// </summary>
public sealed class TableGrainStateStore(AzureStorageBackend backend) : IGrainStateStore
{
    private const string VersionProperty = "Version";
    private const string UpdatedProperty = "UpdatedMs";
    private const string BlobProperty = "Blob";
    private const string ChunkProperty = "D";
    private const string FieldPrefix = "Q_";
    private const int ChunkBytes = 64 * 1024;
    // 12 chunks keep an entity (and its base64 on the wire) well inside the service's 1 MiB entity limit.
    private const int MaxChunks = 12;
    private const char BlobSeparator = '#';
    private const string DescendingMark = "d|";
    private const int ReadAttempts = 3;

    private TableClient Table => backend.State;

    public async Task<GrainStateRecord?> ReadAsync(StateKey id, CancellationToken cancellationToken = default)
    {
        Validate(id);
        await backend.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        for (var attempt = 1; ; attempt++)
        {
            var row = await Table.GetEntityIfExistsAsync<TableEntity>(StateRowKeys.Partition(id.Type, id.Tenant), StateRowKeys.AscendingRow(id.Key), cancellationToken: cancellationToken).ConfigureAwait(false);
            if (!row.HasValue)
                return null;
            // A blob deleted under us belonged to a version replaced meanwhile: read the row again.
            var record = await RecordOfAsync(id, row.Value!, cancellationToken).ConfigureAwait(false);
            if (record is not null || attempt == ReadAttempts)
                return record;
        }
    }

    public async Task<GrainStateRecord> WriteAsync(StateKey id, string json, long version, string? expectedETag, IReadOnlyList<QueryField>? fields = null, CancellationToken cancellationToken = default)
    {
        Validate(id);
        ArgumentNullException.ThrowIfNull(json);
        QueryField.ThrowIfInvalid(fields, nameof(fields));
        await backend.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var updatedAt = DateTimeOffset.FromUnixTimeMilliseconds(backend.Time.GetUtcNow().ToUnixTimeMilliseconds());
        var bytes = Encoding.UTF8.GetBytes(json);
        string? blob = null;
        if (bytes.Length > ChunkBytes * MaxChunks)
        {
            blob = $"{OverflowFolder(id)}{Guid.NewGuid():N}";
            await Overflow.GetBlobClient(blob).UploadAsync(BinaryData.FromBytes(bytes), cancellationToken).ConfigureAwait(false);
        }

        var partition = StateRowKeys.Partition(id.Type, id.Tenant);
        var ascending = Row(partition, StateRowKeys.AscendingRow(id.Key), bytes, blob, version, updatedAt, fields);
        var descending = Row(partition, StateRowKeys.DescendingRow(id.Key), bytes, blob, version, updatedAt, fields);
        RowETag? expected = null;
        string? replacedBlob = null;
        if (expectedETag is not null)
            (expected, replacedBlob) = SplitETag(expectedETag);
        // Both rows always change together, so either row's etag names the version: the condition goes on that row.
        TableTransactionAction[] actions = expected is not { } condition
            ? [new(TableTransactionActionType.Add, ascending), new(TableTransactionActionType.Add, descending)]
            : condition.Descending
                ? [new(TableTransactionActionType.UpsertReplace, ascending), new(TableTransactionActionType.UpdateReplace, descending, condition.ETag)]
                : [new(TableTransactionActionType.UpdateReplace, ascending, condition.ETag), new(TableTransactionActionType.UpsertReplace, descending)];
        try
        {
            var responses = await Table.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
            var etag = ETagOf(new RowETag(responses.Value[0].Headers.ETag!.Value, Descending: false), blob);
            if (replacedBlob is not null)
                await DeleteOverflowAsync(replacedBlob, cancellationToken).ConfigureAwait(false);
            return new GrainStateRecord(id, json, version, etag, updatedAt);
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412 or 404)
        {
            if (blob is not null)
                await DeleteOverflowAsync(blob, cancellationToken).ConfigureAwait(false);
            throw await ConflictAsync(id, expectedETag, cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task DeleteAsync(StateKey id, string expectedETag, CancellationToken cancellationToken = default)
    {
        Validate(id);
        ArgumentNullException.ThrowIfNull(expectedETag);
        await backend.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var partition = StateRowKeys.Partition(id.Type, id.Tenant);
        var (expected, blob) = SplitETag(expectedETag);
        try
        {
            await Table.SubmitTransactionAsync(
                [
                    new(TableTransactionActionType.Delete, new TableEntity(partition, StateRowKeys.AscendingRow(id.Key)), expected.Descending ? ETag.All : expected.ETag),
                    new(TableTransactionActionType.Delete, new TableEntity(partition, StateRowKeys.DescendingRow(id.Key)), expected.Descending ? expected.ETag : ETag.All),
                ], cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status is 412 or 404)
        {
            throw await ConflictAsync(id, expectedETag, cancellationToken).ConfigureAwait(false);
        }
        if (blob is not null)
            await DeleteOverflowAsync(blob, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// One range query on the partition: <c>Top + 1</c> rows tell whether another page follows. Query fields are
    /// properties of the rows, matched by the service in the same request (only matching rows come back).
    /// </summary>
    public async Task<GrainStatePage> QueryAsync(GrainQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentException.ThrowIfNullOrEmpty(query.Type, nameof(query.Type));
        ArgumentException.ThrowIfNullOrEmpty(query.Tenant, nameof(query.Tenant));
        ArgumentNullException.ThrowIfNull(query.KeyPrefix, nameof(query.KeyPrefix));
        query.ThrowIfInvalid();
        var partition = StateRowKeys.Partition(query.Type, query.Tenant);
        var (from, to) = StateRowKeys.Range(query.KeyPrefix, query.Descending);
        var scope = GrainQueryContinuation.ScopeOf(partition, query.Descending, from);
        var after = query.Continuation is null ? null : GrainQueryContinuation.Decode(query.Continuation, scope);
        if (after is not null && (string.CompareOrdinal(after, from) < 0 || string.CompareOrdinal(after, to) >= 0))
            throw new ArgumentException("The continuation token is not one this store returned for this query.", nameof(query));
        await backend.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);

        var filter = after is null
            ? TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {from} and RowKey lt {to}")
            : TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey gt {after} and RowKey lt {to}");
        foreach (var field in query.Where ?? [])
            filter += " and " + TableClient.CreateQueryFilter(FormattableStringFactory.Create(FieldProperty(field.Name) + " eq {0}", field.Value));
        var rows = new List<TableEntity>(query.Top + 1);
        await foreach (var row in Table.QueryAsync<TableEntity>(filter, maxPerPage: query.Top + 1, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            rows.Add(row);
            if (rows.Count > query.Top)
                break;
        }

        var page = rows.Take(query.Top).ToList();
        var records = new List<GrainStateRecord>(page.Count);
        foreach (var row in page)
        {
            // A record whose overflow blob vanished was replaced after this listing: left out of the page.
            if (await RecordOfAsync(new StateKey(query.Type, query.Tenant, StateRowKeys.KeyOf(row.RowKey)), row, cancellationToken).ConfigureAwait(false) is { } record)
                records.Add(record);
        }
        var continuation = rows.Count > query.Top ? new GrainQueryContinuation(scope, page[^1].RowKey).Encode() : null;
        return new GrainStatePage(records, continuation);
    }

    private BlobContainerClient Overflow => backend.StateOverflow;

    /// <summary>The property holding a query field (field names are <c>a-z0-9</c>, so this is a valid property name).</summary>
    private static string FieldProperty(string name) => FieldPrefix + name;

    private static TableEntity Row(string partition, string rowKey, byte[] json, string? blob, long version, DateTimeOffset updatedAt, IReadOnlyList<QueryField>? fields)
    {
        var row = new TableEntity(partition, rowKey)
        {
            [VersionProperty] = version,
            [UpdatedProperty] = updatedAt.ToUnixTimeMilliseconds(),
        };
        foreach (var field in fields ?? [])
            row[FieldProperty(field.Name)] = field.Value;
        if (blob is not null)
        {
            row[BlobProperty] = blob;
            return row;
        }
        for (var (offset, i) = (0, 0); offset < json.Length || i == 0; offset += ChunkBytes, i++)
            row[ChunkProperty + i] = json.AsSpan(offset, Math.Min(ChunkBytes, json.Length - offset)).ToArray();
        return row;
    }

    /// <summary>The record a row (of either order) holds, or null when its overflow blob is gone (the version was replaced).</summary>
    private async Task<GrainStateRecord?> RecordOfAsync(StateKey id, TableEntity row, CancellationToken cancellationToken)
    {
        var blob = row.GetString(BlobProperty);
        string json;
        if (blob is null)
        {
            using var content = new MemoryStream();
            for (var i = 0; row.GetBinary(ChunkProperty + i) is { } chunk; i++)
                content.Write(chunk);
            json = Encoding.UTF8.GetString(content.GetBuffer(), 0, (int)content.Length);
        }
        else
        {
            try
            {
                json = (await Overflow.GetBlobClient(blob).DownloadContentAsync(cancellationToken).ConfigureAwait(false)).Value.Content.ToString();
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
                return null;
            }
        }
        var version = row.GetInt64(VersionProperty) ?? 0;
        var updatedAt = DateTimeOffset.FromUnixTimeMilliseconds(row.GetInt64(UpdatedProperty) ?? 0);
        var descending = !row.RowKey.StartsWith(StateRowKeys.Ascending, StringComparison.Ordinal);
        return new GrainStateRecord(id, json, version, ETagOf(new RowETag(row.ETag, descending), blob), updatedAt);
    }

    private async Task<ConcurrencyConflictException> ConflictAsync(StateKey id, string? expectedETag, CancellationToken cancellationToken)
    {
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(StateRowKeys.Partition(id.Type, id.Tenant), StateRowKeys.AscendingRow(id.Key), [VersionProperty, BlobProperty], cancellationToken).ConfigureAwait(false);
        return new ConcurrencyConflictException(id, expectedETag, row.HasValue ? ETagOf(new RowETag(row.Value!.ETag, Descending: false), row.Value.GetString(BlobProperty)) : null);
    }

    private async Task DeleteOverflowAsync(string blob, CancellationToken cancellationToken) =>
        await Overflow.GetBlobClient(blob).DeleteIfExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);

    private static string OverflowFolder(StateKey id) => $"{BlobNames.Encode(id.Type)}/{BlobNames.Encode(id.Tenant)}/{BlobNames.Encode(id.Key)}/";

    /// <summary>
    /// The record's etag: the etag of the row it was read from (marked <c>d|</c> for the descending row, so a page in
    /// either order is one request), plus the overflow blob's name when the state lives in one.
    /// </summary>
    private static string ETagOf(RowETag row, string? blob) =>
        (row.Descending ? DescendingMark : "") + row.ETag + (blob is null ? "" : BlobSeparator + blob);

    private static (RowETag Row, string? Blob) SplitETag(string etag)
    {
        var separator = etag.LastIndexOf(BlobSeparator);
        var (rowPart, blob) = separator < 0 ? (etag, null) : (etag[..separator], etag[(separator + 1)..]);
        return rowPart.StartsWith(DescendingMark, StringComparison.Ordinal)
            ? (new RowETag(new ETag(rowPart[DescendingMark.Length..]), Descending: true), blob)
            : (new RowETag(new ETag(rowPart), Descending: false), blob);
    }

    /// <summary>A row's etag and which of the record's two rows it belongs to.</summary>
    private readonly record struct RowETag(ETag ETag, bool Descending);

    private static void Validate(StateKey id)
    {
        ArgumentException.ThrowIfNullOrEmpty(id.Type, nameof(StateKey.Type));
        ArgumentException.ThrowIfNullOrEmpty(id.Tenant, nameof(StateKey.Tenant));
        ArgumentException.ThrowIfNullOrEmpty(id.Key, nameof(StateKey.Key));
    }
}
