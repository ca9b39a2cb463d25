namespace OrleansBatch.Silo.Jobs;

/// <summary>State of an idempotency record (grain <c>jobidem/tenant/sha256(key)</c>): the job a key created, and when.</summary>
public sealed record JobIdempotency(string Job, DateTimeOffset CreatedAt);
