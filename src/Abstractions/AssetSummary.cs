namespace OrleansBatch.Abstractions;

/// <summary>A versioned asset (model or data) in a list: its name and latest version.</summary>
[GenerateSerializer, Immutable, Alias("obatch.AssetSummary")]
public sealed record AssetSummary(string Name, int LatestVersion, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);
