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
}
