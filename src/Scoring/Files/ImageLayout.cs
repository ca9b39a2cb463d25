namespace OrleansBatch.Scoring.Files;

/// <summary>
/// Where a model input wants an image's samples: channel count, height, width, and whether channels come last
/// (<c>[H,W,C]</c>, NHWC models) or first (<c>[C,H,W]</c>, NCHW models; gray models may take <c>[H,W]</c>).
/// </summary>
internal sealed record ImageLayout(int Channels, int Height, int Width, bool ChannelsLast)
{
    /// <summary>The layout a model input's item shape (without the batch dimension) names, or null when it names none (flat, or dynamic sizes).</summary>
    public static ImageLayout? Of(IReadOnlyList<long> itemShape)
    {
        var dims = itemShape.ToList();
        while (dims.Count > 3 && dims[0] == 1)
        {
            dims.RemoveAt(0);
        }

        if (dims.Any(d => d <= 0))
        {
            return null;
        }

        return dims switch
        {
            [var h, var w] => new ImageLayout(1, (int)h, (int)w, false),
            [var c, var h, var w] when IsChannelCount(c) => new ImageLayout((int)c, (int)h, (int)w, false),
            [var h, var w, var c] when IsChannelCount(c) => new ImageLayout((int)c, (int)h, (int)w, true),
            _ => null,
        };
    }

    /// <summary>For an input that names no layout (e.g. a flat [64]): the image as it is, channel-first, when its samples fill the input exactly.</summary>
    public static ImageLayout? Flat(int elements, RasterImage image)
    {
        var plane = image.Width * image.Height;
        return elements == plane ? new ImageLayout(1, image.Height, image.Width, false)
            : elements == plane * 3 ? new ImageLayout(3, image.Height, image.Width, false)
            : elements == plane * 4 ? new ImageLayout(4, image.Height, image.Width, false)
            : null;
    }

    /// <summary>Index in the item of sample <paramref name="c"/> of pixel (<paramref name="y"/>, <paramref name="x"/>).</summary>
    public int IndexOf(int y, int x, int c) =>
        ChannelsLast ? (((y * Width) + x) * Channels) + c : (((c * Height) + y) * Width) + x;

    private static bool IsChannelCount(long c) => c is 1 or 3 or 4;
}
