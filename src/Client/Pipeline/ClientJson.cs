using System.Text.Json;
using System.Text.Json.Serialization;

namespace OrleansBatch.Client.Pipeline;

/// <summary>The JSON conventions of the gateway: snake_case keys (as in the Azure ML YAML), nulls left out of requests.</summary>
internal static class ClientJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
