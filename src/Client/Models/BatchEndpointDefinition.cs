namespace OrleansBatch.Client.Models;

/// <summary>The body of a create-or-overwrite of a batch endpoint, as in <c>endpoint.yml</c>.</summary>
public sealed record BatchEndpointDefinition
{
    /// <summary>A description of the endpoint.</summary>
    public string? Description { get; init; }

    /// <summary>Tags to search and group by.</summary>
    public IReadOnlyDictionary<string, string>? Tags { get; init; }

    /// <summary>The authentication mode (<c>auth_mode</c>); null for the gateway's default.</summary>
    public string? AuthMode { get; init; }

    /// <summary>The endpoint's defaults, e.g. the default deployment.</summary>
    public EndpointDefaults? Defaults { get; init; }
}
