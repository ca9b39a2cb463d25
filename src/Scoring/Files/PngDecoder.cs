using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace OrleansBatch.Scoring.Files;

/// <summary>
/// Decodes PNG files: non-interlaced, bit depth 8, gray (color type 0), gray + alpha (4), RGB (2) and
/// RGBA (6); every chunk's CRC is checked, the IDAT chunks are inflated with <see cref="ZLibStream"/> and
/// all five scanline filters are undone. Anything else fails with an <see cref="InvalidImageException"/>
/// that says what is wrong. A small decoder of our own: no imaging library is available here, and batch
/// scoring needs only these forms.
/// </summary>
public static class PngDecoder
{
    /// <summary>The default limit on width x height, to refuse absurd headers before allocating.</summary>
    public const long DefaultMaxPixels = 50_000_000;

    private static ReadOnlySpan<byte> Signature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>Reads and decodes the PNG file at <paramref name="path"/>.</summary>
    public static RasterImage DecodeFile(string path, long maxPixels = DefaultMaxPixels) =>
        Decode(File.ReadAllBytes(path), maxPixels);

    /// <summary>Decodes a whole PNG file held in memory.</summary>
    /// <exception cref="InvalidImageException">The bytes are not a PNG this decoder handles.</exception>
    public static RasterImage Decode(ReadOnlySpan<byte> png, long maxPixels = DefaultMaxPixels)
    {
        CheckSignature(png);
        var position = Signature.Length;
        PngHeader? header = null;
        using var compressed = new MemoryStream();
        var ended = false;
        while (!ended)
        {
            var type = ReadChunk(png, ref position, out var data);
            switch (type)
            {
                case "IHDR" when header is null:
                    header = PngHeader.Parse(data, maxPixels);
                    break;
                case "IHDR":
                    throw Corrupt("PNG has a second IHDR chunk.");
                case "IDAT":
                    compressed.Write(data);
                    break;
                case "IEND":
                    ended = true;
                    break;
                case "PLTE":
                    // A suggested palette for RGB images; palette images are refused in the header.
                    break;
                default:
                    if (char.IsUpper(type[0]))
                    {
                        throw Unsupported($"PNG has a critical chunk '{type}' this decoder does not know.");
                    }

                    break; // ancillary chunks (text, gamma, ...) do not change the pixels
            }

            if (header is null)
            {
                throw Corrupt($"PNG must start with an IHDR chunk, but the first chunk is '{type}'.");
            }
        }

        if (compressed.Length == 0)
        {
            throw Corrupt("PNG has no IDAT chunk: there is no image data.");
        }

        return new RasterImage(header!.Width, header.Height, header.Channels, Unfilter(header, Inflate(header, compressed)));
    }

    private static void CheckSignature(ReadOnlySpan<byte> png)
    {
        var length = Math.Min(png.Length, Signature.Length);
        if (!png[..length].SequenceEqual(Signature[..length]))
        {
            throw Corrupt($"Not a PNG file: it starts with {Convert.ToHexString(png[..length])}, a PNG starts with 89504E470D0A1A0A.");
        }

        if (png.Length < Signature.Length)
        {
            throw Truncated($"PNG is truncated: the file is {png.Length} bytes, shorter than the 8-byte signature.");
        }
    }

    private static string ReadChunk(ReadOnlySpan<byte> png, ref int position, out ReadOnlySpan<byte> data)
    {
        var left = png.Length - position;
        if (left < 8)
        {
            throw Truncated(left == 0
                ? "PNG is truncated: the file ends without an IEND chunk."
                : $"PNG is truncated: a chunk header needs 8 bytes, {left} left.");
        }

        var length = BinaryPrimitives.ReadUInt32BigEndian(png[position..]);
        var typeBytes = png.Slice(position + 4, 4);
        foreach (var b in typeBytes)
        {
            if (!char.IsAsciiLetter((char)b))
            {
                throw Corrupt($"PNG chunk at byte {position} has an invalid type {Convert.ToHexString(typeBytes)}.");
            }
        }

        var type = Encoding.ASCII.GetString(typeBytes);
        if (length > int.MaxValue)
        {
            throw Corrupt($"PNG chunk '{type}' declares an impossible length of {length} bytes.");
        }

        if (left - 8 < (long)length + 4)
        {
            throw Truncated($"PNG is truncated: {type} chunk needs {length + 4} bytes, {left - 8} left.");
        }

        data = png.Slice(position + 8, (int)length);
        var stored = BinaryPrimitives.ReadUInt32BigEndian(png[(position + 8 + (int)length)..]);
        var actual = PngCrc.Compute(png.Slice(position + 4, 4 + (int)length));
        if (stored != actual)
        {
            throw Corrupt($"PNG is damaged: the CRC of the {type} chunk at byte {position} is {stored:X8}, its content gives {actual:X8}.");
        }

        position += 12 + (int)length;
        return type;
    }

    private static byte[] Inflate(PngHeader header, MemoryStream compressed)
    {
        var expected = header.FilteredLength;
        var filtered = new byte[expected];
        compressed.Position = 0;
        try
        {
            using var zlib = new ZLibStream(compressed, CompressionMode.Decompress);
            var read = zlib.ReadAtLeast(filtered, filtered.Length, throwOnEndOfStream: false);
            if (read < expected)
            {
                throw Corrupt($"PNG image data is short: {header.Width}x{header.Height} needs {expected} bytes after decompression, the IDAT data gives {read}.");
            }

            if (zlib.ReadByte() >= 0)
            {
                throw Corrupt($"PNG image data is too long: {header.Width}x{header.Height} needs {expected} bytes after decompression, the IDAT data gives more.");
            }
        }
        catch (InvalidDataException e)
        {
            throw Corrupt($"PNG image data is not valid zlib data: {e.Message}");
        }

        return filtered;
    }

    /// <summary>Undoes the per-scanline filters and drops the filter bytes.</summary>
    private static byte[] Unfilter(PngHeader header, byte[] filtered)
    {
        var bpp = header.Channels; // bytes per pixel at bit depth 8
        var stride = header.Width * bpp;
        var pixels = new byte[(long)stride * header.Height];
        var previous = new byte[stride]; // the scanline above the first one is all zeros
        for (var row = 0; row < header.Height; row++)
        {
            var source = filtered.AsSpan(row * (stride + 1), stride + 1);
            var line = pixels.AsSpan(row * stride, stride);
            var above = row == 0 ? previous : pixels.AsSpan((row - 1) * stride, stride);
            source[1..].CopyTo(line);
            switch (source[0])
            {
                case 0:
                    break;
                case 1: // Sub: left neighbour
                    for (var i = bpp; i < stride; i++)
                    {
                        line[i] += line[i - bpp];
                    }

                    break;
                case 2: // Up: the byte above
                    for (var i = 0; i < stride; i++)
                    {
                        line[i] += above[i];
                    }

                    break;
                case 3: // Average of left and above
                    for (var i = 0; i < stride; i++)
                    {
                        var left = i >= bpp ? line[i - bpp] : 0;
                        line[i] += (byte)((left + above[i]) >> 1);
                    }

                    break;
                case 4: // Paeth predictor
                    for (var i = 0; i < stride; i++)
                    {
                        var left = i >= bpp ? line[i - bpp] : 0;
                        var upperLeft = i >= bpp ? above[i - bpp] : 0;
                        line[i] += Paeth(left, above[i], upperLeft);
                    }

                    break;
                default:
                    throw Corrupt($"PNG scanline {row} has an unknown filter type {source[0]} (valid: 0-4).");
            }
        }

        return pixels;
    }

    private static byte Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        var pa = Math.Abs(p - a);
        var pb = Math.Abs(p - b);
        var pc = Math.Abs(p - c);
        return (byte)(pa <= pb && pa <= pc ? a : pb <= pc ? b : c);
    }

    private static InvalidImageException Corrupt(string message) => new(InvalidImageException.Corrupt, message);

    private static InvalidImageException Truncated(string message) => new(InvalidImageException.Truncated, message);

    private static InvalidImageException Unsupported(string message) => new(InvalidImageException.Unsupported, message);
}
