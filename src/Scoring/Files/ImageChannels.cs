namespace OrleansBatch.Scoring.Files;

/// <summary>
/// Brings a decoded image to the channel count a model takes: colour to gray by ITU-R BT.601 luma (rounded,
/// so a gray image stored as RGB gives its gray values back exactly), gray replicated into colour, alpha
/// dropped or set opaque.
/// </summary>
internal static class ImageChannels
{
    /// <summary>The pixels as height x width x <paramref name="channels"/> bytes.</summary>
    public static byte[] Convert(RasterImage image, int channels)
    {
        if (image.Channels == channels)
        {
            return image.Pixels;
        }

        var pixels = image.Width * image.Height;
        var source = image.Pixels;
        var target = new byte[pixels * channels];
        for (int p = 0, s = 0, t = 0; p < pixels; p++, s += image.Channels, t += channels)
        {
            byte r, g, b, a;
            if (image.Channels <= 2)
            {
                r = g = b = source[s];
                a = image.Channels == 2 ? source[s + 1] : (byte)255;
            }
            else
            {
                (r, g, b) = (source[s], source[s + 1], source[s + 2]);
                a = image.Channels == 4 ? source[s + 3] : (byte)255;
            }

            switch (channels)
            {
                case 1:
                    target[t] = r == g && g == b ? r : (byte)Math.Round((0.299 * r) + (0.587 * g) + (0.114 * b));
                    break;
                case 3:
                    (target[t], target[t + 1], target[t + 2]) = (r, g, b);
                    break;
                default:
                    (target[t], target[t + 1], target[t + 2], target[t + 3]) = (r, g, b, a);
                    break;
            }
        }

        return target;
    }
}
