using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace OrleansBatch.Storage.Azure;

/// <summary>
/// Where the next page of a grain state query starts: after the row <see cref="After"/>. <see cref="Scope"/>
/// binds the token to the query that issued it (partition, direction, prefix), so a token of another query,
/// tenant or store is refused rather than silently listing from somewhere else. Travels as base64 JSON.
/// </summary>
internal sealed record GrainQueryContinuation(string Scope, string After)
{
    public string Encode() => Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(this));

    /// <summary>The scope of a query: a short hash, not the keys themselves.</summary>
    public static string ScopeOf(string partition, bool descending, string from) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{partition}|{descending}|{from}")))[..16];

    /// <summary>The token's row, when it was issued for <paramref name="scope"/>; else an <see cref="ArgumentException"/> (the caller's 400).</summary>
    public static string Decode(string continuation, string scope)
    {
        try
        {
            var decoded = JsonSerializer.Deserialize<GrainQueryContinuation>(Convert.FromBase64String(continuation));
            if (decoded is { After.Length: > 0 } && decoded.Scope == scope)
                return decoded.After;
        }
        catch (Exception e) when (e is FormatException or JsonException or DecoderFallbackException)
        {
        }
        throw new ArgumentException("The continuation token is not one this store returned for this query. Pass the Continuation of the previous page unchanged, or null for the first page.", nameof(continuation));
    }
}
