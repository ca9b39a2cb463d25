namespace OrleansBatch.Api.Contracts;

/// <summary>Effective <c>settings.image</c> of a deployment version.</summary>
public sealed record ImageSettingsResponse(bool Resize, float Scale, IReadOnlyList<float>? Mean, IReadOnlyList<float>? Std);
