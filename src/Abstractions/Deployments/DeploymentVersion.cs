namespace OrleansBatch.Abstractions.Deployments;

/// <summary>One immutable version of a deployment; jobs pin <c>deployment@version</c>.</summary>
[GenerateSerializer, Immutable, Alias("obatch.DeploymentVersion")]
public sealed record DeploymentVersion(int Version, DeploymentSpec Spec, DateTimeOffset CreatedAt);
