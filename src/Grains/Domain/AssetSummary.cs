namespace OrleansBatch.Grains.Domain;

/// <summary>A versioned asset (model or data) in a list: its name and latest version.</summary>
public sealed record AssetSummary(string Name, int LatestVersion, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);
