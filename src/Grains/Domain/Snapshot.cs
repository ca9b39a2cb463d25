namespace OrleansBatch.Grains.Domain;

/// <summary>A grain's state together with its version (the number behind the resource's ETag).</summary>
public sealed record Snapshot<TState>(TState State, long Version);
