namespace OrleansBatch.Abstractions.Deployments;

/// <summary>
/// <c>settings.image</c> of a deployment: how image files become the model's input. Each pixel sample p (0..255)
/// becomes <c>(p * scale - mean[c]) / std[c]</c>; <c>resize</c> brings each image to the model input's size.
/// </summary>
[GenerateSerializer, Immutable, Alias("obatch.ImageSettings")]
public sealed record ImageSettings(bool Resize, float Scale, IReadOnlyList<float>? Mean, IReadOnlyList<float>? Std)
{
    /// <summary>Checks a draft's values into <paramref name="errors"/>; returns the settings (defaults: no resize, scale 1), or null when no field was given.</summary>
    public static ImageSettings? Validate(bool? resize, float? scale, IReadOnlyList<float>? mean, IReadOnlyList<float>? std, ValidationErrors errors)
    {
        if (resize is null && scale is null && mean is null && std is null)
            return null;
        if (scale is { } s && (!float.IsFinite(s) || s == 0))
            errors.Add("settings.image.scale", $"{s} is not allowed; use a finite, non-zero factor such as 0.00392157 (1/255).");
        Channels(mean, "settings.image.mean", errors, allowZero: true);
        Channels(std, "settings.image.std", errors, allowZero: false);
        if (mean is { Count: > 1 } && std is { Count: > 1 } && mean.Count != std.Count)
            errors.Add("settings.image.std", $"has {std.Count} values and mean has {mean.Count}; give one value, or one per channel, for both.");
        return new ImageSettings(resize ?? false, scale ?? 1f, mean, std);
    }

    private static void Channels(IReadOnlyList<float>? values, string field, ValidationErrors errors, bool allowZero)
    {
        if (values is null)
            return;
        if (values.Count is not (1 or 3 or 4))
            errors.Add(field, $"has {values.Count} values; give one value for all channels, or one per channel (3 for RGB, 4 for RGBA).");
        if (values.Any(v => !float.IsFinite(v) || (!allowZero && v == 0)))
            errors.Add(field, allowZero ? "values must be finite numbers." : "values must be finite, non-zero numbers.");
    }
}
