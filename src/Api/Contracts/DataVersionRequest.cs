using System.Text.Json.Serialization;

namespace OrleansBatch.Api.Contracts;

/// <summary>Body of <c>POST /v1/data/{name}/versions</c>, as Azure ML's <c>data.yml</c>: <c>type</c> <c>uri_file</c> or <c>uri_folder</c>, and <c>path</c>.</summary>
public sealed record DataVersionRequest
{
    [JsonPropertyName("$schema")]
    public string? Schema { get; init; }

    public string? Name { get; init; }
    public string? Type { get; init; }
    public string? Path { get; init; }
    public string? Description { get; init; }
    public Dictionary<string, string>? Tags { get; init; }
}
