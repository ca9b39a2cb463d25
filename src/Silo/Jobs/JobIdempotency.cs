namespace OrleansBatch.Silo.Jobs;

/// <summary>
/// State of an idempotency record (grain <c>jobidem/tenant/sha256(key)</c>): the job a key created, when, and the
/// fingerprint of the request that created it (null in records written before it was kept), so that the key reused
/// with another request is refused (422 <c>IdempotencyKeyReused</c>) rather than answered with the first job.
/// </summary>
public sealed record JobIdempotency(string Job, DateTimeOffset CreatedAt, string? RequestFingerprint = null)
{
    /// <summary>The job this key created; 422 when <paramref name="fingerprint"/> is not the request's the key was first used with.</summary>
    public string JobFor(string? fingerprint) =>
        RequestFingerprint is not null && fingerprint is not null && RequestFingerprint != fingerprint
            ? throw new OrleansBatch.Abstractions.DomainException(422, "IdempotencyKeyReused",
                $"This Idempotency-Key created job '{Job}' from a different request; send a new key for a new request, or repeat the same request to get that job.")
            : Job;
}
