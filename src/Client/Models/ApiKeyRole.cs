using System.Text.Json.Serialization;

namespace OrleansBatch.Client.Models;

/// <summary>What a tenant API key may do.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ApiKeyRole>))]
public enum ApiKeyRole
{
    /// <summary>Read everything of the tenant (GET).</summary>
    [JsonStringEnumMemberName("reader")]
    Reader,

    /// <summary>Read, create, update, delete, invoke and cancel.</summary>
    [JsonStringEnumMemberName("contributor")]
    Contributor,

    /// <summary>Everything a contributor may do, plus managing the tenant's keys.</summary>
    [JsonStringEnumMemberName("admin")]
    Admin,
}
