using Azure;

namespace OrleansBatch.Storage.Azure.Rest;

/// <summary>A lease the service granted on a blob: its id, and the blob's etag and time after the lease call.</summary>
public sealed record BlobLease(string LeaseId, ETag ETag, DateTimeOffset LastModified);
