using System.Buffers.Binary;
using SkiaSharp;

namespace OrleansBatch.Scoring.Tests.Files;

/// <summary>Writes small images in every format the scorer reads: PNG, JPEG and WebP through SkiaSharp's encoders, BMP byte by byte, and a known GIF.</summary>
public static class TestImages
{
    /// <summary>A 1x1 GIF whose one pixel is white (palette white, black).</summary>
    public static readonly byte[] WhitePixelGif = Convert.FromBase64String("R0lGODlhAQABAIAAAP///wAAACwAAAAAAQABAAACAkQBADs=");

    /// <summary>Encodes <paramref name="rgb"/> (height x width x 3 bytes) as <paramref name="format"/> at quality 100.</summary>
    public static byte[] Encode(int width, int height, byte[] rgb, SKEncodedImageFormat format)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Unpremul));
        var rgba = new byte[width * height * 4];
        for (var p = 0; p < width * height; p++)
        {
            (rgba[p * 4], rgba[(p * 4) + 1], rgba[(p * 4) + 2], rgba[(p * 4) + 3]) = (rgb[p * 3], rgb[(p * 3) + 1], rgb[(p * 3) + 2], 255);
        }

        System.Runtime.InteropServices.Marshal.Copy(rgba, 0, bitmap.GetPixels(), rgba.Length);
        using var data = bitmap.Encode(format, 100);
        return data.ToArray();
    }

    /// <summary>A 24-bit uncompressed BMP (rows bottom-up, BGR, padded to 4 bytes).</summary>
    public static byte[] Bmp(int width, int height, byte[] rgb)
    {
        var stride = ((width * 3) + 3) & ~3;
        var bytes = new byte[54 + (stride * height)];
        bytes[0] = (byte)'B';
        bytes[1] = (byte)'M';
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(2), bytes.Length);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(10), 54);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(14), 40);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(18), width);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(22), height);
        BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(26), 1);
        BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(28), 24);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(34), stride * height);
        for (var y = 0; y < height; y++)
        {
            var row = 54 + ((height - 1 - y) * stride);
            for (var x = 0; x < width; x++)
            {
                var p = ((y * width) + x) * 3;
                (bytes[row + (x * 3)], bytes[row + (x * 3) + 1], bytes[row + (x * 3) + 2]) = (rgb[p + 2], rgb[p + 1], rgb[p]);
            }
        }

        return bytes;
    }
}
