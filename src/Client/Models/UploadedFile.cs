namespace OrleansBatch.Client.Models;

/// <summary>One file stored by an upload: its (sanitized) name and size in bytes.</summary>
public sealed record UploadedFile
{
    public string Name { get; init; } = "";

    public long Length { get; init; }
}
