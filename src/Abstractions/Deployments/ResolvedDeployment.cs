namespace OrleansBatch.Abstractions.Deployments;

/// <summary>What an invocation runs: the endpoint, the deployment picked (named or default) and its current version, pinned.</summary>
[GenerateSerializer, Immutable, Alias("obatch.ResolvedDeployment")]
public sealed record ResolvedDeployment(string Endpoint, string Deployment, DeploymentVersion Version);
