namespace OrleansBatch.Client.Models;

/// <summary>
/// <c>settings.image</c> of a deployment: each pixel sample p (0..255) becomes <c>(p * Scale - Mean[c]) / Std[c]</c>
/// for a model that takes floats; <see cref="Resize"/> brings each image to the model input's height and width.
/// </summary>
public sealed record ImageSettings
{
    /// <summary>Resize each image to the model input's size (default false: another size is an item error).</summary>
    public bool? Resize { get; init; }

    /// <summary>Factor applied to the 0..255 samples first (default 1; e.g. 1/255 for 0..1).</summary>
    public float? Scale { get; init; }

    /// <summary>Subtracted after scaling: one value, or one per channel (RGB order).</summary>
    public IReadOnlyList<float>? Mean { get; init; }

    /// <summary>Divides after subtracting the mean: one value, or one per channel.</summary>
    public IReadOnlyList<float>? Std { get; init; }
}
