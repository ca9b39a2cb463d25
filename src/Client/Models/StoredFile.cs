namespace OrleansBatch.Client.Models;

/// <summary>A file the gateway stored: its (sanitized) name and size.</summary>
public sealed record StoredFile
{
    /// <summary>The file name as stored.</summary>
    public string Name { get; init; } = "";

    /// <summary>The size in bytes.</summary>
    public long Length { get; init; }
}
