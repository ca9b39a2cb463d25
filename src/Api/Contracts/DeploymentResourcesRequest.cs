namespace OrleansBatch.Api.Contracts;

/// <summary><c>resources</c> of a deployment: <c>instance_count</c> (1-64, default 1); <c>instance_type</c> is accepted and ignored.</summary>
public sealed record DeploymentResourcesRequest
{
    public int? InstanceCount { get; init; }
    public string? InstanceType { get; init; }

    /// <summary>Azure ML's free-form resource properties; accepted and listed in <c>ignored_settings</c>.</summary>
    public Dictionary<string, string>? Properties { get; init; }
}
