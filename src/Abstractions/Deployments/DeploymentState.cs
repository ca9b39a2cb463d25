using System.Text.Json.Serialization;

namespace OrleansBatch.Abstractions.Deployments;

/// <summary>State of a deployment grain: every version so far; the last is current. Its record version equals the current version number.</summary>
[GenerateSerializer, Immutable, Alias("obatch.DeploymentState")]
public sealed record DeploymentState(string Endpoint, string Name, IReadOnlyList<DeploymentVersion> Versions, DateTimeOffset CreatedAt)
{
    [JsonIgnore]
    public DeploymentVersion Current => Versions[^1];
}
