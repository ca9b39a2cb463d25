using System.Text.Json.Serialization;

namespace OrleansBatch.Api.Contracts;

/// <summary>Body of <c>PUT /v1/endpoints/{name}</c>: Azure ML's <c>endpoint.yml</c> as it is (JSON or YAML).</summary>
public sealed record EndpointRequest
{
    [JsonPropertyName("$schema")]
    public string? Schema { get; init; }

    /// <summary>Optional; must equal the name in the route.</summary>
    public string? Name { get; init; }

    public string? Description { get; init; }
    public Dictionary<string, string>? Tags { get; init; }

    /// <summary><c>key</c> (default), <c>aad_token</c> or <c>aml_token</c>; requests are always authorized with API keys.</summary>
    public string? AuthMode { get; init; }

    /// <summary>When absent on an overwrite, the current default is kept.</summary>
    public EndpointDefaults? Defaults { get; init; }
}
