using OrleansBatch.Abstractions.Models;

namespace OrleansBatch.Abstractions.Deployments;

/// <summary>
/// A model reference resolved and pinned when a deployment version was created: the exact model
/// version, the artifact path of its ONNX graph (<see cref="Path"/>), all its files and its signature.
/// </summary>
[GenerateSerializer, Immutable, Alias("obatch.ModelBinding")]
public sealed record ModelBinding(string Name, int Version, string Path, IReadOnlyList<ModelFile> Files, IReadOnlyList<ModelIo> Inputs, IReadOnlyList<ModelIo> Outputs)
{
    public static ModelBinding Of(ModelVersion model) => new(model.Name, model.Version, model.Path, model.Files, model.Inputs, model.Outputs);
}
