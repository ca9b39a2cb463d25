namespace OrleansBatch.Grains.Domain.Models;

/// <summary>A model in a list: its name and latest version.</summary>
public sealed record ModelSummary(string Name, int LatestVersion, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);
