using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace OrleansBatch.Client.Pipeline;

/// <summary>The JSON conventions of the gateway: snake_case keys (as in the Azure ML YAML), nulls left out of requests.</summary>
internal static class ClientJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        // Set up front so the YAML loader can read the models' contracts (GetTypeInfo) before any (de)serialization.
        TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
    };
}
