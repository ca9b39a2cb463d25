using System.Text.Json;
using System.Text.Json.Serialization;

namespace OrleansBatch.Api.Contracts;

/// <summary>
/// Body of <c>PUT /v1/endpoints/{e}/deployments/{d}</c>: Azure ML's batch <c>deployment.yml</c> as it is
/// (JSON or YAML). <c>model</c> is a string (<c>azureml:name:1</c>, <c>name@latest</c>, ...) or
/// <c>{name, version}</c>. Settings may also be given at the top level, as older Azure ML YAML does.
/// Every key of Azure ML's schema is accepted; <c>code_configuration</c> is refused (this platform scores models
/// directly), and the keys it does not use are listed in the deployment's <c>ignored_settings</c>.
/// </summary>
public sealed record DeploymentRequest
{
    [JsonPropertyName("$schema")]
    public string? Schema { get; init; }

    /// <summary>Optional; must equal the deployment name in the route.</summary>
    public string? Name { get; init; }

    /// <summary>Optional; must equal the endpoint name in the route.</summary>
    public string? EndpointName { get; init; }

    /// <summary><c>model</c> (default) or <c>pipeline</c>.</summary>
    public string? Type { get; init; }

    public JsonElement? Model { get; init; }
    public List<PipelineStepRequest>? Steps { get; init; }
    public string? Description { get; init; }
    public Dictionary<string, string>? Tags { get; init; }

    /// <summary>Accepted for compatibility (e.g. <c>azureml:cpu-cluster</c>); kept, not used for placement.</summary>
    public string? Compute { get; init; }

    public DeploymentResourcesRequest? Resources { get; init; }
    public DeploymentSettingsRequest? Settings { get; init; }

    /// <summary>A scoring script: refused (<c>ScoringScriptNotSupported</c>), since this platform runs no scripts.</summary>
    public JsonElement? CodeConfiguration { get; init; }

    /// <summary>Accepted for compatibility and listed in <c>ignored_settings</c>: ONNX and ML.NET models need no environment.</summary>
    public JsonElement? Environment { get; init; }

    /// <summary>Azure ML pipeline-component deployments: accepted as keys, listed in <c>ignored_settings</c>; use <c>steps</c>.</summary>
    public JsonElement? Component { get; init; }

    /// <summary>Azure ML: build a pipeline deployment from a job. Accepted as a key, listed in <c>ignored_settings</c>.</summary>
    public string? JobDefinition { get; init; }
}
