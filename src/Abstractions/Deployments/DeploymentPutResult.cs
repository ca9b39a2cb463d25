namespace OrleansBatch.Abstractions.Deployments;

/// <summary>What a PUT of a deployment did: <see cref="Created"/> (new deployment), <see cref="Changed"/> (new version), and whether it is now the default.</summary>
[GenerateSerializer, Immutable, Alias("obatch.DeploymentPutResult")]
public sealed record DeploymentPutResult(Snapshot<DeploymentState> Deployment, bool Created, bool Changed, bool IsDefault);
