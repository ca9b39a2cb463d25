namespace OrleansBatch.Grains.Domain.Data;

/// <summary>State of a data asset grain: its versions in order.</summary>
public sealed record DataState(string Name, IReadOnlyList<DataVersion> Versions, DateTimeOffset CreatedAt);
