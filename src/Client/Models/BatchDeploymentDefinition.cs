namespace OrleansBatch.Client.Models;

/// <summary>The body of a create-or-update of a deployment, as in <c>deployment.yml</c>. Null values take the defaults.</summary>
public sealed record BatchDeploymentDefinition
{
    /// <summary>A single model or a pipeline of models; null for <see cref="DeploymentType.Model"/>.</summary>
    public DeploymentType? Type { get; init; }

    /// <summary>The model, for a <see cref="DeploymentType.Model"/> deployment.</summary>
    public ModelReference? Model { get; init; }

    /// <summary>The steps, for a <see cref="DeploymentType.Pipeline"/> deployment.</summary>
    public IReadOnlyList<PipelineStep>? Steps { get; init; }

    /// <summary>A description of the deployment.</summary>
    public string? Description { get; init; }

    /// <summary>Tags to search and group by.</summary>
    public IReadOnlyDictionary<string, string>? Tags { get; init; }

    /// <summary>An Azure ML <c>compute</c> (e.g. <c>azureml:cpu-cluster</c>): accepted and kept for compatibility, not used for placement.</summary>
    public string? Compute { get; init; }

    /// <summary>The compute to use.</summary>
    public DeploymentResources? Resources { get; init; }

    /// <summary>How jobs run.</summary>
    public DeploymentSettings? Settings { get; init; }
}
