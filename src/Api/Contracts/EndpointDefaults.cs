namespace OrleansBatch.Api.Contracts;

/// <summary><c>defaults</c> of an endpoint: the deployment an invocation runs when it names none.</summary>
public sealed record EndpointDefaults(string? DeploymentName);
