namespace OrleansBatch.Abstractions.Data;

/// <summary>State of a data asset grain: its versions in order.</summary>
[GenerateSerializer, Immutable, Alias("obatch.DataState")]
public sealed record DataState(string Name, IReadOnlyList<DataVersion> Versions, DateTimeOffset CreatedAt);
