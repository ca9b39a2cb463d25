namespace OrleansBatch.Client.Models;

/// <summary>An immutable version of a registered model, checked by ONNX Runtime when it was registered.</summary>
public sealed record ModelVersion : BatchResource
{
    /// <summary>The model's name (lower-case).</summary>
    public string Name { get; init; } = "";

    /// <summary>The version number: 1 for the first, then previous + 1.</summary>
    public int Version { get; init; }

    /// <summary>The model type, e.g. <c>onnx</c>.</summary>
    public string? Type { get; init; }

    /// <summary>The description given at registration.</summary>
    public string? Description { get; init; }

    /// <summary>The tags given at registration.</summary>
    public IReadOnlyDictionary<string, string>? Tags { get; init; }

    /// <summary>The stored file that is the ONNX graph scored.</summary>
    public string? Path { get; init; }

    /// <summary>Every stored file of this version.</summary>
    public IReadOnlyList<StoredFile> Files { get; init; } = [];

    /// <summary>The model's inputs: names, element types and shapes.</summary>
    public IReadOnlyList<ModelValueSpec> Inputs { get; init; } = [];

    /// <summary>The model's outputs: names, element types and shapes.</summary>
    public IReadOnlyList<ModelValueSpec> Outputs { get; init; } = [];

    /// <summary>When the version was registered (UTC).</summary>
    public DateTimeOffset? CreatedAt { get; init; }
}
