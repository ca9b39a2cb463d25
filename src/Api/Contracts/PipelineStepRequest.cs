using System.Text.Json;

namespace OrleansBatch.Api.Contracts;

/// <summary>One step of a <c>type: pipeline</c> deployment: a model reference (string or <c>{name, version}</c>).</summary>
public sealed record PipelineStepRequest
{
    public string? Name { get; init; }
    public JsonElement? Model { get; init; }
}
