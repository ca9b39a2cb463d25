namespace OrleansBatch.Client.Models;

/// <summary>What to record with a new model version besides its files (the <c>metadata</c> part of the upload).</summary>
public sealed record ModelVersionMetadata
{
    /// <summary>The model type; null for the gateway's default, <c>onnx</c>.</summary>
    public string? Type { get; init; }

    /// <summary>A description of this version.</summary>
    public string? Description { get; init; }

    /// <summary>Tags to search and group by.</summary>
    public IReadOnlyDictionary<string, string>? Tags { get; init; }

    /// <summary>Which of the uploaded files is the model when there are several (e.g. <c>model.onnx</c> next to its data files); null when there is one.</summary>
    public string? Path { get; init; }
}
