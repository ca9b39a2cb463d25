namespace OrleansBatch.Scoring;

/// <summary>
/// How image files become a model's input (a deployment's <c>settings.image</c>). Each pixel sample p (0..255)
/// becomes <c>(p * Scale - Mean[c]) / Std[c]</c> for channel c (one value for all channels, or one per channel)
/// when the model takes floats; a uint8 input takes the pixels as they are.
/// </summary>
/// <param name="Resize">Resize each image to the model input's height and width (bilinear); otherwise an image of another size is an item error.</param>
/// <param name="Scale">Factor applied to the 0..255 samples first (e.g. <c>1/255</c> for 0..1).</param>
/// <param name="Mean">Subtracted after scaling: one value, or one per channel in the model's channel order (RGB).</param>
/// <param name="Std">Divides after subtracting: one value, or one per channel; never 0.</param>
public sealed record ImageSettings(bool Resize = false, float Scale = 1f, IReadOnlyList<float>? Mean = null, IReadOnlyList<float>? Std = null)
{
    /// <summary>Raw pixels, no resizing: what a model that normalises by itself takes.</summary>
    public static ImageSettings Default { get; } = new();

    /// <summary>Whether pixels are used as they are (no scale, mean or std).</summary>
    public bool IsIdentity => Scale == 1f && Mean is null && Std is null;
}
