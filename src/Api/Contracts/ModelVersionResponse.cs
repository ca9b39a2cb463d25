namespace OrleansBatch.Api.Contracts;

/// <summary>A model version: <c>path</c> is the file that is scored; <c>inputs</c>/<c>outputs</c> are its signature as ONNX Runtime read it.</summary>
public sealed record ModelVersionResponse(
    string Name,
    int Version,
    string Type,
    string? Description,
    IReadOnlyDictionary<string, string> Tags,
    string Path,
    IReadOnlyList<FileResponse> Files,
    IReadOnlyList<ModelIoResponse> Inputs,
    IReadOnlyList<ModelIoResponse> Outputs,
    DateTimeOffset CreatedAt);
