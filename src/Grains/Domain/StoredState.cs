namespace OrleansBatch.Grains.Domain;

/// <summary>
/// What a resource grain persists through Orleans grain storage: the domain state (null when the grain has none), its
/// version (the number behind the resource's ETag, +1 per change) and when it last changed.
/// </summary>
public sealed class StoredState<TState> where TState : class
{
    public TState? Value { get; set; }

    public long Version { get; set; }

    public DateTimeOffset? UpdatedAt { get; set; }
}
