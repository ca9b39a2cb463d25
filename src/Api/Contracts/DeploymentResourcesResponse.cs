namespace OrleansBatch.Api.Contracts;

/// <summary><c>resources</c> of a deployment version.</summary>
public sealed record DeploymentResourcesResponse(int InstanceCount);
