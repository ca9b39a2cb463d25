namespace OrleansBatch.Api.Contracts;

/// <summary>A stored file: its (sanitized) name and size in bytes.</summary>
public sealed record FileResponse(string Name, long Length);
