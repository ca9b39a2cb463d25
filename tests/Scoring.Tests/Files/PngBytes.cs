using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using OrleansBatch.Scoring.Files;

namespace OrleansBatch.Scoring.Tests.Files;

/// <summary>Writes PNG files byte by byte, so tests can make valid and deliberately broken ones.</summary>
public static class PngBytes
{
    public static readonly byte[] Signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static byte[] Chunk(string type, ReadOnlySpan<byte> data)
    {
        var chunk = new byte[12 + data.Length];
        BinaryPrimitives.WriteUInt32BigEndian(chunk, (uint)data.Length);
        Encoding.ASCII.GetBytes(type).CopyTo(chunk, 4);
        data.CopyTo(chunk.AsSpan(8));
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(8 + data.Length), PngCrc.Compute(chunk.AsSpan(4, 4 + data.Length)));
        return chunk;
    }

    public static byte[] Header(int width, int height, byte bitDepth = 8, byte colorType = 0, byte interlace = 0)
    {
        var data = new byte[13];
        BinaryPrimitives.WriteUInt32BigEndian(data, (uint)width);
        BinaryPrimitives.WriteUInt32BigEndian(data.AsSpan(4), (uint)height);
        (data[8], data[9], data[12]) = (bitDepth, colorType, interlace);
        return Chunk("IHDR", data);
    }

    public static byte[] Compress(ReadOnlySpan<byte> filtered)
    {
        using var output = new MemoryStream();
        using (var zlib = new ZLibStream(output, CompressionLevel.Optimal))
        {
            zlib.Write(filtered);
        }

        return output.ToArray();
    }

    /// <summary>A whole file: signature, the given chunks, IEND.</summary>
    public static byte[] File(params byte[][] chunks) => [.. Signature, .. chunks.SelectMany(c => c), .. Chunk("IEND", [])];

    /// <summary>An 8-bit image whose scanlines all use filter 0 (None), its data split over <paramref name="idatChunks"/> IDAT chunks.</summary>
    public static byte[] Unfiltered(int width, int height, int channels, byte colorType, Func<int, byte> sample, int idatChunks = 1)
    {
        var stride = width * channels;
        var filtered = new byte[height * (stride + 1)];
        for (var row = 0; row < height; row++)
        {
            for (var i = 0; i < stride; i++)
            {
                filtered[row * (stride + 1) + 1 + i] = sample(row * stride + i);
            }
        }

        var compressed = Compress(filtered);
        var part = (compressed.Length + idatChunks - 1) / idatChunks;
        var data = compressed.Chunk(part).Select(bytes => Chunk("IDAT", bytes));
        return File([Header(width, height, colorType: colorType), .. data]);
    }
}
