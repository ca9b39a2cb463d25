using System.Text;
using System.Text.Json;

namespace OrleansBatch.Storage.Azure;

/// <summary>
/// Where the next page of a grain state query starts: after the blob named <see cref="After"/> (its encoded
/// key), listing from the service marker <see cref="Marker"/> (ascending only), which lies at or before it.
/// Travels to the caller as base64 JSON.
/// </summary>
internal sealed record GrainQueryContinuation(string After, string? Marker)
{
    public string Encode() => Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(this));

    public static GrainQueryContinuation Decode(string continuation)
    {
        try
        {
            var decoded = JsonSerializer.Deserialize<GrainQueryContinuation>(Convert.FromBase64String(continuation));
            if (decoded is { After.Length: > 0 })
                return decoded;
        }
        catch (Exception e) when (e is FormatException or JsonException or DecoderFallbackException)
        {
        }
        throw new ArgumentException("The continuation token is not one this store returned. Pass the Continuation of the previous page unchanged, or null for the first page.", nameof(continuation));
    }
}
