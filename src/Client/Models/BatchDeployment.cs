namespace OrleansBatch.Client.Models;

/// <summary>
/// A deployment of an endpoint at one of its immutable versions: the model (pinned to a version) and the settings
/// jobs run with.
/// </summary>
public sealed record BatchDeployment : BatchResource
{
    /// <summary>The deployment's name (lower-case).</summary>
    public string Name { get; init; } = "";

    /// <summary>The endpoint it belongs to.</summary>
    public string? EndpointName { get; init; }

    /// <summary>The deployment version: 1 at creation, +1 for every PUT that changes something. Jobs pin it.</summary>
    public int Version { get; init; }

    /// <summary>The deployment's newest version (equal to <see cref="Version"/> unless an older version was asked for).</summary>
    public int LatestVersion { get; init; }

    /// <summary>A single model or a pipeline.</summary>
    public DeploymentType Type { get; init; }

    /// <summary>The model, pinned to a version.</summary>
    public ModelReference? Model { get; init; }

    /// <summary>The steps of a pipeline, each pinned to a version; empty for a single model.</summary>
    public IReadOnlyList<PipelineStep> Steps { get; init; } = [];

    /// <summary>The description.</summary>
    public string? Description { get; init; }

    /// <summary>The tags.</summary>
    public IReadOnlyDictionary<string, string>? Tags { get; init; }

    /// <summary>The <c>compute</c> given in the definition (kept for Azure ML compatibility; not used for placement).</summary>
    public string? Compute { get; init; }

    /// <summary>The compute used.</summary>
    public DeploymentResources? Resources { get; init; }

    /// <summary>The effective settings.</summary>
    public DeploymentSettings? Settings { get; init; }

    /// <summary>When the deployment was created (UTC).</summary>
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>When the deployment last changed (UTC).</summary>
    public DateTimeOffset? UpdatedAt { get; init; }
}
