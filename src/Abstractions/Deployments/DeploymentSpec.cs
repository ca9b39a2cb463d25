using System.Text.Json.Serialization;

namespace OrleansBatch.Abstractions.Deployments;

/// <summary>
/// The immutable content of one deployment version. <see cref="Type"/> <c>model</c> scores
/// <see cref="Model"/>; <c>pipeline</c> chains <see cref="Steps"/> in order (outputs feed the next
/// step's inputs by name). Model references are already resolved to pinned versions. <see cref="IgnoredSettings"/>
/// lists the Azure ML keys the deployment gave that this platform does not use.
/// </summary>
[GenerateSerializer, Immutable, Alias("obatch.DeploymentSpec")]
public sealed record DeploymentSpec(
    string Type,
    ModelBinding? Model,
    IReadOnlyList<ModelBinding> Steps,
    string? Description,
    IReadOnlyDictionary<string, string> Tags,
    string? Compute,
    int InstanceCount,
    DeploymentSettings Settings,
    IReadOnlyList<string>? IgnoredSettings = null)
{
    public const string ModelType = "model";
    public const string PipelineType = "pipeline";

    /// <summary>The graphs to run, in order: the model alone, or the pipeline's steps.</summary>
    [JsonIgnore]
    public IReadOnlyList<ModelBinding> Graphs => Type == PipelineType ? Steps : [Model!];
}
