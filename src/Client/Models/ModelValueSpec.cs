using System.Text.Json.Serialization;

namespace OrleansBatch.Client.Models;

/// <summary>One input or output of a model, as ONNX Runtime reports it at registration.</summary>
public sealed record ModelValueSpec
{
    /// <summary>The input or output name; tabular columns map to inputs by this name.</summary>
    public string Name { get; init; } = "";

    /// <summary>The element type, e.g. <c>float</c>, <c>int64</c>, <c>string</c>, or <c>seq(map(int64,float))</c> for a ZipMap output.</summary>
    [JsonPropertyName("type")]
    public string ElementType { get; init; } = "";

    /// <summary>The shape: -1 for a dynamic dimension; empty for values that are not tensors.</summary>
    public IReadOnlyList<long> Shape { get; init; } = [];
}
