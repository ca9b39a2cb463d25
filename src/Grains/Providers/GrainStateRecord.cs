using OrleansBatch.Abstractions;
namespace OrleansBatch.Grains.Providers;

/// <summary>A grain's persisted state as the store holds it.</summary>
/// <param name="Id">The grain.</param>
/// <param name="Json">The state, serialized.</param>
/// <param name="Version">Rises by one on every write; 1 after creation.</param>
/// <param name="ETag">Opaque token from the store; every write is conditional on it.</param>
/// <param name="UpdatedAt">When the store accepted the write.</param>
public sealed record GrainStateRecord(StateKey Id, string Json, long Version, string ETag, DateTimeOffset UpdatedAt);
