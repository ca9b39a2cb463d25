using System.Text.Json.Serialization;

namespace OrleansBatch.Api.Contracts;

/// <summary>
/// <c>settings.image</c>: how image inputs become the model's input. <c>resize</c> (default false) resizes each
/// image to the model input's height and width; each pixel sample p (0..255) becomes
/// <c>(p * scale - mean[c]) / std[c]</c> (scale default 1; mean and std: one value, or one per channel).
/// Unknown keys are refused.
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record ImageSettingsRequest
{
    public bool? Resize { get; init; }
    public float? Scale { get; init; }
    public List<float>? Mean { get; init; }
    public List<float>? Std { get; init; }
}
