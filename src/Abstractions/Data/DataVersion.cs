namespace OrleansBatch.Abstractions.Data;

/// <summary>One immutable version of a data asset: a URI to a file (<c>uri_file</c>) or a folder (<c>uri_folder</c>).</summary>
[GenerateSerializer, Immutable, Alias("obatch.DataVersion")]
public sealed record DataVersion(string Name, int Version, string Type, string Path, string? Description, IReadOnlyDictionary<string, string> Tags, DateTimeOffset CreatedAt);
