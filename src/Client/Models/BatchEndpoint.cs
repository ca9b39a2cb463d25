namespace OrleansBatch.Client.Models;

/// <summary>A batch endpoint: a stable name to invoke, routing jobs to its default deployment.</summary>
public sealed record BatchEndpoint : BatchResource
{
    /// <summary>The endpoint's name (lower-case).</summary>
    public string Name { get; init; } = "";

    /// <summary>The description.</summary>
    public string? Description { get; init; }

    /// <summary>The tags.</summary>
    public IReadOnlyDictionary<string, string>? Tags { get; init; }

    /// <summary>The authentication mode.</summary>
    public string? AuthMode { get; init; }

    /// <summary>The defaults, e.g. the default deployment.</summary>
    public EndpointDefaults? Defaults { get; init; }

    /// <summary>The URL that invokes the endpoint (starts a job).</summary>
    public string? ScoringUri { get; init; }

    /// <summary>The names of the endpoint's deployments.</summary>
    public IReadOnlyList<string> Deployments { get; init; } = [];

    /// <summary>The resource version: 1 at creation, +1 per change.</summary>
    public long Version { get; init; }

    /// <summary>When the endpoint was created (UTC).</summary>
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>When the endpoint last changed (UTC).</summary>
    public DateTimeOffset? UpdatedAt { get; init; }
}
