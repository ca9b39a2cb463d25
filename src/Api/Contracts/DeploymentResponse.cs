namespace OrleansBatch.Api.Contracts;

/// <summary>
/// A deployment at one version (the current one, or the one asked for). <c>version</c> counts up by one
/// for every PUT that changed something; each version is immutable. <c>model</c> is null for a pipeline,
/// <c>steps</c> empty for a model. <c>ignored_settings</c> lists the Azure ML keys given that this platform does not use.
/// </summary>
public sealed record DeploymentResponse(
    string Name,
    string EndpointName,
    string Type,
    ModelReferenceResponse? Model,
    IReadOnlyList<PipelineStepResponse> Steps,
    string? Description,
    IReadOnlyDictionary<string, string> Tags,
    string? Compute,
    DeploymentResourcesResponse Resources,
    DeploymentSettingsResponse Settings,
    int Version,
    int LatestVersion,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    IReadOnlyList<string> IgnoredSettings);
