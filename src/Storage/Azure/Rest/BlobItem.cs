using Azure;

namespace OrleansBatch.Storage.Azure.Rest;

/// <summary>One blob in a listing.</summary>
public sealed record BlobItem(string Name, long ContentLength, DateTimeOffset LastModified, ETag ETag, IReadOnlyDictionary<string, string> Metadata);
