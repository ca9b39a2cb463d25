using Azure;

namespace OrleansBatch.Storage.Azure.Rest;

/// <summary>What the service says about a blob: its etag, time, size, type, metadata and lease.</summary>
public sealed record BlobProperties(
    ETag ETag,
    DateTimeOffset LastModified,
    long ContentLength,
    string? ContentType,
    IReadOnlyDictionary<string, string> Metadata,
    string? LeaseState);
