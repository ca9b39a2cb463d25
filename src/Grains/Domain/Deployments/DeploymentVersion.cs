namespace OrleansBatch.Grains.Domain.Deployments;

/// <summary>One immutable version of a deployment; jobs pin <c>deployment@version</c>.</summary>
public sealed record DeploymentVersion(int Version, DeploymentSpec Spec, DateTimeOffset CreatedAt);
