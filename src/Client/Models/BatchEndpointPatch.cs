namespace OrleansBatch.Client.Models;

/// <summary>A partial change to an endpoint, sent as a JSON merge patch: only what is set here changes.</summary>
public sealed record BatchEndpointPatch
{
    /// <summary>A new description; null leaves it as it is.</summary>
    public string? Description { get; init; }

    /// <summary>Tags to add or change; a tag given a null value is removed. Null leaves the tags as they are.</summary>
    public IReadOnlyDictionary<string, string?>? Tags { get; init; }

    /// <summary>The deployment to make the default; null leaves the default as it is.</summary>
    public string? DefaultDeploymentName { get; init; }
}
