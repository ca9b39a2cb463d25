namespace OrleansBatch.Storage.Azure;

/// <summary>The body of a lease blob: who holds the lease, the holding's token, and when it lapses (Unix ms).</summary>
internal sealed record LeaseRecord(string Owner, string Token, long ExpiresAtMs);
