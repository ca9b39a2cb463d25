using System.Buffers.Binary;

namespace OrleansBatch.Scoring.Files;

/// <summary>The IHDR chunk of a PNG, checked against what <see cref="PngDecoder"/> handles.</summary>
internal sealed record PngHeader(int Width, int Height, int Channels)
{
    /// <summary>Bytes of inflated image data: each scanline is a filter-type byte then its samples.</summary>
    public int FilteredLength => Height * (Width * Channels + 1);

    public static PngHeader Parse(ReadOnlySpan<byte> data, long maxPixels)
    {
        if (data.Length != 13)
        {
            throw Corrupt($"PNG IHDR chunk is {data.Length} bytes; it must be 13.");
        }

        var width = BinaryPrimitives.ReadUInt32BigEndian(data);
        var height = BinaryPrimitives.ReadUInt32BigEndian(data[4..]);
        var (bitDepth, colorType, compression, filter, interlace) = (data[8], data[9], data[10], data[11], data[12]);
        if (width == 0 || height == 0 || width > int.MaxValue || height > int.MaxValue)
        {
            throw Corrupt($"PNG declares an invalid size of {width}x{height} pixels.");
        }

        if (compression != 0 || filter != 0)
        {
            throw Corrupt($"PNG declares compression method {compression} and filter method {filter}; both must be 0.");
        }

        var channels = colorType switch
        {
            0 => 1,
            2 => 3,
            4 => 2,
            6 => 4,
            3 => throw Unsupported("PNG palette images (color type 3) are not supported; save the image as gray, RGB or RGBA."),
            _ => throw Corrupt($"PNG declares an unknown color type {colorType}."),
        };
        if (bitDepth != 8)
        {
            throw Unsupported($"PNG bit depth {bitDepth} is not supported; only 8-bit images are (save it with 8 bits per sample).");
        }

        if (interlace == 1)
        {
            throw Unsupported("Interlaced (Adam7) PNGs are not supported; save the image non-interlaced.");
        }

        if (interlace != 0)
        {
            throw Corrupt($"PNG declares an unknown interlace method {interlace}.");
        }

        if ((long)width * height > maxPixels)
        {
            throw new InvalidImageException(InvalidImageException.TooLarge,
                $"PNG is {width}x{height} = {(long)width * height} pixels, more than the limit of {maxPixels}.");
        }

        // The limit keeps the buffers within what an array can hold.
        if (((long)width * channels + 1) * height > Array.MaxLength)
        {
            throw new InvalidImageException(InvalidImageException.TooLarge, $"PNG is {width}x{height} with {channels} channels, too large to decode in memory.");
        }

        return new PngHeader((int)width, (int)height, channels);
    }

    private static InvalidImageException Corrupt(string message) => new(InvalidImageException.Corrupt, message);

    private static InvalidImageException Unsupported(string message) => new(InvalidImageException.Unsupported, message);
}
