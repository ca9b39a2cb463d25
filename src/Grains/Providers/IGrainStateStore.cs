using OrleansBatch.Abstractions;
namespace OrleansBatch.Grains.Providers;

/// <summary>Grain state with optimistic concurrency: the storage is the arbiter between silos.</summary>
public interface IGrainStateStore
{
    /// <summary>Reads the state, or null when the grain has none.</summary>
    Task<GrainStateRecord?> ReadAsync(StateKey id, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes <paramref name="json"/> as version <paramref name="version"/>. With <paramref name="expectedETag"/>
    /// null the record must not exist yet; otherwise the stored etag must equal it. Throws
    /// <see cref="ConcurrencyConflictException"/> when the condition fails. Returns the new record.
    /// <paramref name="fields"/> replace the record's query fields (none when null), in the same atomic write.
    /// </summary>
    Task<GrainStateRecord> WriteAsync(StateKey id, string json, long version, string? expectedETag, IReadOnlyList<QueryField>? fields = null, CancellationToken cancellationToken = default);

    /// <summary>Deletes the record if its etag still equals <paramref name="expectedETag"/>; else throws <see cref="ConcurrencyConflictException"/>.</summary>
    Task DeleteAsync(StateKey id, string expectedETag, CancellationToken cancellationToken = default);

    /// <summary>
    /// Lists the records of one type and tenant whose key starts with the query's key prefix,
    /// ordered by key (descending when asked), at most the query's top per page. With <see cref="GrainQuery.Where"/>,
    /// only records whose query fields hold every one of those values; the store finds them without reading the others.
    /// </summary>
    Task<GrainStatePage> QueryAsync(GrainQuery query, CancellationToken cancellationToken = default);
}

/// <summary>A page query over grain states; <see cref="Where"/> (when not empty) keeps records holding all of those query fields.</summary>
public sealed record GrainQuery(string Type, string Tenant, string KeyPrefix = "", int Top = 100, string? Continuation = null, bool Descending = false, IReadOnlyList<QueryField>? Where = null)
{
    /// <summary>The largest page any store returns.</summary>
    public const int MaxTop = 1000;

    /// <summary>Every store refuses the same pages: <see cref="Top"/> outside 1 to <see cref="MaxTop"/>.</summary>
    public void ThrowIfInvalid()
    {
        if (Top is < 1 or > MaxTop)
            throw new ArgumentOutOfRangeException(nameof(Top), Top, $"Top must be between 1 and {MaxTop}.");
        QueryField.ThrowIfInvalid(Where, nameof(Where));
    }
}

/// <summary>One page of a <see cref="GrainQuery"/>; <see cref="Continuation"/> is null on the last page.</summary>
public sealed record GrainStatePage(IReadOnlyList<GrainStateRecord> Items, string? Continuation);
