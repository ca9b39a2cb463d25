using System.Text.Json.Serialization;

namespace OrleansBatch.Api.Contracts;

/// <summary>
/// The optional <c>metadata</c> part of a model registration, as in Azure ML's <c>model.yml</c>:
/// <c>type</c> (<c>onnx</c> by default), <c>description</c>, <c>tags</c>, and <c>path</c> naming the
/// uploaded file that is the ONNX graph when several files are sent.
/// </summary>
public sealed record ModelMetadataRequest
{
    [JsonPropertyName("$schema")]
    public string? Schema { get; init; }

    public string? Name { get; init; }
    public string? Type { get; init; }
    public string? Description { get; init; }
    public Dictionary<string, string>? Tags { get; init; }
    public string? Path { get; init; }
}
