namespace OrleansBatch.Api.Contracts;

/// <summary><c>resources</c> of a deployment: <c>instance_count</c> (1-64, default 1); <c>instance_type</c> is accepted and ignored.</summary>
public sealed record DeploymentResourcesRequest
{
    public int? InstanceCount { get; init; }
    public string? InstanceType { get; init; }
}
