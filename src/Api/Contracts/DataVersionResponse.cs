namespace OrleansBatch.Api.Contracts;

/// <summary>A data asset version.</summary>
public sealed record DataVersionResponse(string Name, int Version, string Type, string Path, string? Description, IReadOnlyDictionary<string, string> Tags, DateTimeOffset CreatedAt);
