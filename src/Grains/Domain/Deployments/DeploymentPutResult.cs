namespace OrleansBatch.Grains.Domain.Deployments;

/// <summary>What a PUT of a deployment did: <see cref="Created"/> (new deployment), <see cref="Changed"/> (new version), and whether it is now the default.</summary>
public sealed record DeploymentPutResult(Snapshot<DeploymentState> Deployment, bool Created, bool Changed, bool IsDefault);
