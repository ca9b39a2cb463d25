using OrleansBatch.Abstractions;
namespace OrleansBatch.Grains.Providers;

/// <summary>
/// A conditional write or delete lost: the stored etag is not the one the writer expected
/// (or the record exists when it was expected not to, or is gone when it was expected to exist).
/// Every provider maps its own conflict signal (SQLite row count, HTTP 412/409/404) to this one type.
/// </summary>
public sealed class ConcurrencyConflictException(StateKey id, string? expectedETag, string? storedETag)
    : Exception($"Write to {id} lost: expected etag '{expectedETag ?? "<none>"}', store has '{storedETag ?? "<none>"}'.")
{
    public StateKey Id { get; } = id;
    public string? ExpectedETag { get; } = expectedETag;
    public string? StoredETag { get; } = storedETag;
}
