namespace OrleansBatch.Storage.Azure.Rest;

/// <summary>A message as the Queue service returns it. <see cref="PopReceipt"/> is null for peeked messages.</summary>
public sealed record StorageQueueMessage(
    string MessageId,
    string? PopReceipt,
    string Text,
    int DequeueCount,
    DateTimeOffset InsertionTime,
    DateTimeOffset? NextVisibleOn);
