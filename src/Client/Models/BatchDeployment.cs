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

    /// <summary>A single model or a pipeline.</summary>
    public DeploymentType Type { get; init; }

    /// <summary>The model, pinned to a version.</summary>
    public ModelReference? Model { get; init; }

    /// <summary>The steps of a pipeline, each pinned to a version.</summary>
    public IReadOnlyList<PipelineStep>? Steps { get; init; }

    /// <summary>The description.</summary>
    public string? Description { get; init; }

    /// <summary>The tags.</summary>
    public IReadOnlyDictionary<string, string>? Tags { get; init; }

    /// <summary>The compute used.</summary>
    public DeploymentResources? Resources { get; init; }

    /// <summary>The effective settings.</summary>
    public DeploymentSettings? Settings { get; init; }

    /// <summary>When this version was created (UTC).</summary>
    public DateTimeOffset? CreatedAt { get; init; }
}
