namespace OrleansBatch.Scoring.Files;

/// <summary>
/// A decoded 8-bit image: <paramref name="Pixels"/> holds <paramref name="Height"/> rows of
/// <paramref name="Width"/> pixels, each pixel's <paramref name="Channels"/> samples side by side
/// (height x width x channels, row-major): 1 = gray, 2 = gray + alpha, 3 = RGB, 4 = RGBA.
/// </summary>
public sealed record RasterImage(int Width, int Height, int Channels, byte[] Pixels)
{
    /// <summary>Number of samples: width x height x channels.</summary>
    public int SampleCount => Width * Height * Channels;

    /// <summary>
    /// Writes the samples as floats in channel-first order (channels x height x width), the layout image
    /// models take ([N, C, H, W]), into a caller's buffer so a batch can be filled without allocating.
    /// Values stay 0..255: scaling is the model's business.
    /// </summary>
    public void CopyPlanarTo(Span<float> destination)
    {
        if (destination.Length < SampleCount)
        {
            throw new ArgumentException($"The destination holds {destination.Length} floats; the image has {SampleCount} samples.", nameof(destination));
        }

        var plane = Width * Height;
        for (var c = 0; c < Channels; c++)
        {
            var target = destination.Slice(c * plane, plane);
            for (int i = 0, source = c; i < plane; i++, source += Channels)
            {
                target[i] = Pixels[source];
            }
        }
    }
}
