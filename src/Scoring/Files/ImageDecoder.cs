using SkiaSharp;

namespace OrleansBatch.Scoring.Files;

/// <summary>
/// Decodes PNG, JPEG, BMP, GIF (first frame) and WebP files with SkiaSharp into 8-bit RGBA (unpremultiplied),
/// optionally resized (bilinear) to a model's input size.
/// </summary>
public static class ImageDecoder
{
    /// <summary>The largest image decoded, in pixels (a 8192 x 8192 photo); larger files are refused before decoding.</summary>
    public const long MaxPixels = 8192L * 8192;

    /// <summary>The file extensions decoded as images (lower case).</summary>
    public static readonly IReadOnlySet<string> Extensions = new HashSet<string>([".png", ".jpg", ".jpeg", ".bmp", ".gif", ".webp"]);

    /// <summary>Decodes <paramref name="path"/> to RGBA; with <paramref name="size"/>, resized to that width and height.</summary>
    /// <exception cref="InvalidImageException">The file is not a decodable image, is cut short, or is too large.</exception>
    public static RasterImage DecodeFile(string path, (int Width, int Height)? size = null)
    {
        using var codec = SKCodec.Create(path, out var opened);
        if (codec is null)
        {
            throw new InvalidImageException(InvalidImageException.Corrupt,
                $"The file is not an image SkiaSharp can decode ({opened}); image inputs are PNG, JPEG, BMP, GIF or WebP files.");
        }

        var (width, height) = (codec.Info.Width, codec.Info.Height);
        if ((long)width * height > MaxPixels)
        {
            throw new InvalidImageException(InvalidImageException.TooLarge,
                $"The image is {width}x{height} pixels; the limit is {MaxPixels:N0} pixels. Scale it down before scoring.");
        }

        var info = new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        using var bitmap = new SKBitmap(info);
        var decoded = codec.GetPixels(info, bitmap.GetPixels());
        if (decoded != SKCodecResult.Success)
        {
            throw new InvalidImageException(InvalidImageException.Corrupt,
                decoded == SKCodecResult.IncompleteInput ? "The image file is cut short." : $"The image cannot be decoded ({decoded}).");
        }

        if (size is not { } target || (target.Width == width && target.Height == height))
        {
            return new RasterImage(width, height, 4, bitmap.Bytes);
        }

        using var resized = bitmap.Resize(info.WithSize(target.Width, target.Height), new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.None))
            ?? throw new InvalidImageException(InvalidImageException.Corrupt, $"The {width}x{height} image cannot be resized to {target.Width}x{target.Height}.");
        return new RasterImage(target.Width, target.Height, 4, resized.Bytes);
    }
}
