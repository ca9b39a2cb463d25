namespace OrleansBatch.Storage.Azure.Rest;

/// <summary>One page of a blob listing; pass <see cref="NextMarker"/> to get the next page (null on the last).</summary>
public sealed record BlobListPage(IReadOnlyList<BlobItem> Items, string? NextMarker);
