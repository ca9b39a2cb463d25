using OrleansBatch.Client.Models;

namespace OrleansBatch.Client.Yaml;

/// <summary>
/// A batch <c>deployment.yml</c>: the deployment's and endpoint's names (if the file gives them), the body to create it
/// with, and the keys taken but without effect here (e.g. <c>compute</c>), to tell the user.
/// </summary>
public sealed record DeploymentYaml(string? Name, string? EndpointName, BatchDeploymentDefinition Definition, IReadOnlyList<string> IgnoredKeys);
