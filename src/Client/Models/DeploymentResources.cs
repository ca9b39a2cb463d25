namespace OrleansBatch.Client.Models;

/// <summary>The compute a deployment uses (<c>resources</c>).</summary>
public sealed record DeploymentResources
{
    /// <summary>How many silos score a job's mini-batches at once (default 1).</summary>
    public int? InstanceCount { get; init; }
}
