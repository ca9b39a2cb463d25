namespace OrleansBatch.Client.Models;

/// <summary>One step of a <see cref="DeploymentType.Pipeline"/> deployment.</summary>
/// <param name="Model">The model this step runs; its inputs take the previous step's outputs by name.</param>
public sealed record PipelineStep(ModelReference Model);
