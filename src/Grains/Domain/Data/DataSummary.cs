namespace OrleansBatch.Grains.Domain.Data;

/// <summary>A data asset in a list: its name and latest version.</summary>
public sealed record DataSummary(string Name, int LatestVersion, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);
