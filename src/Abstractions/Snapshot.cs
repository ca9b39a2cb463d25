namespace OrleansBatch.Abstractions;

/// <summary>A grain's state together with its version (the number behind the resource's ETag).</summary>
[GenerateSerializer, Immutable, Alias("obatch.Snapshot`1")]
public sealed record Snapshot<TState>(TState State, long Version);
