namespace OrleansBatch.Abstractions.Models;

/// <summary>
/// One immutable version of a registered model. <see cref="Path"/> is the artifact path of the ONNX
/// graph that is scored; <see cref="Files"/> lists every stored file; the signature was read from the
/// graph by ONNX Runtime at registration.
/// </summary>
[GenerateSerializer, Immutable, Alias("obatch.ModelVersion")]
public sealed record ModelVersion(
    string Name,
    int Version,
    string Type,
    string? Description,
    IReadOnlyDictionary<string, string> Tags,
    string Path,
    IReadOnlyList<ModelFile> Files,
    IReadOnlyList<ModelIo> Inputs,
    IReadOnlyList<ModelIo> Outputs,
    DateTimeOffset CreatedAt);
