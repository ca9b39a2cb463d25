namespace OrleansBatch.Storage.Azure.Rest;

/// <summary>A message's state after its visibility was updated: the new pop receipt and when it shows again.</summary>
public sealed record QueueVisibility(string PopReceipt, DateTimeOffset NextVisibleOn);
