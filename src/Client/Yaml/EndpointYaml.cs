using OrleansBatch.Client.Models;

namespace OrleansBatch.Client.Yaml;

/// <summary>An <c>endpoint.yml</c>: the endpoint's name (if the file gives one) and the body to create it with.</summary>
public sealed record EndpointYaml(string? Name, BatchEndpointDefinition Definition);
