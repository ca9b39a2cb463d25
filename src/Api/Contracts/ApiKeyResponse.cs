using System.Text.Json.Serialization;

namespace OrleansBatch.Api.Contracts;

/// <summary>A tenant API key. <c>key</c> is present only in the response that created it (it is stored hashed).</summary>
public sealed record ApiKeyResponse(
    string Id,
    string Tenant,
    string Role,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Key,
    DateTimeOffset CreatedAt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? RevokedAt);
