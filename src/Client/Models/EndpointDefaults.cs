namespace OrleansBatch.Client.Models;

/// <summary>An endpoint's defaults (<c>defaults</c> in <c>endpoint.yml</c>).</summary>
/// <param name="DeploymentName">The deployment that jobs go to when they name none.</param>
public sealed record EndpointDefaults(string? DeploymentName);
