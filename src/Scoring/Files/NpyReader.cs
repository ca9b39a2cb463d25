using System.Buffers.Binary;
using System.Text;

namespace OrleansBatch.Scoring.Files;

/// <summary>
/// Reads numpy <c>.npy</c> files (format versions 1, 2 and 3): the header's <c>descr</c>,
/// <c>fortran_order</c> and <c>shape</c>, then the data, whose length is checked against the shape.
/// Little-endian numeric dtypes only (float32/64, int8/16/32/64, uint8/16/32/64, bool) in C order;
/// anything else fails with an <see cref="InvalidArrayException"/> that names what was found.
/// </summary>
public static class NpyReader
{
    /// <summary>The default limit on the number of elements, to refuse absurd shapes.</summary>
    public const long DefaultMaxElements = 100_000_000;

    // numpy itself refuses headers over 10,000 bytes unless told otherwise; this is generous.
    private const int MaxHeaderLength = 100_000;

    private static ReadOnlySpan<byte> Magic => [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y'];

    /// <summary>Reads the <c>.npy</c> file at <paramref name="path"/>.</summary>
    public static NpyArray ReadFile(string path, long maxElements = DefaultMaxElements) =>
        Read(File.ReadAllBytes(path), maxElements);

    /// <summary>Reads a whole <c>.npy</c> file held in memory; the array's data is a slice of it.</summary>
    /// <exception cref="InvalidArrayException">The bytes are not an array this reader handles.</exception>
    public static NpyArray Read(ReadOnlyMemory<byte> npy, long maxElements = DefaultMaxElements)
    {
        var bytes = npy.Span;
        var prefix = Math.Min(bytes.Length, Magic.Length);
        if (!bytes[..prefix].SequenceEqual(Magic[..prefix]))
        {
            throw Corrupt($"Not a .npy file: it starts with {Convert.ToHexString(bytes[..prefix])}, a .npy file starts with 934E554D5059 (\\x93NUMPY).");
        }

        if (bytes.Length < 10)
        {
            throw Truncated($"The .npy file is truncated: {bytes.Length} bytes, too short for the magic, version and header length.");
        }

        var major = bytes[6];
        int lengthSize = major switch
        {
            1 => 2,
            2 or 3 => 4,
            _ => throw new InvalidArrayException(InvalidArrayException.Unsupported,
                $"The .npy format version {major}.{bytes[7]} is not supported (versions 1, 2 and 3 are)."),
        };
        if (bytes.Length < 8 + lengthSize)
        {
            throw Truncated($"The .npy file is truncated: {bytes.Length} bytes, too short for the header length.");
        }

        var headerLength = lengthSize == 2
            ? BinaryPrimitives.ReadUInt16LittleEndian(bytes[8..])
            : BinaryPrimitives.ReadUInt32LittleEndian(bytes[8..]);
        if (headerLength > MaxHeaderLength)
        {
            throw Corrupt($"The .npy header declares {headerLength} bytes; more than {MaxHeaderLength} is not a plain array header.");
        }

        var dataStart = 8 + lengthSize + (int)headerLength;
        if (bytes.Length < dataStart)
        {
            throw Truncated($"The .npy file is truncated: the header needs {headerLength} bytes, {bytes.Length - 8 - lengthSize} left.");
        }

        // Version 3 allows UTF-8 in the header (field names); earlier versions are latin-1.
        var headerBytes = bytes[(8 + lengthSize)..dataStart];
        var headerText = major == 3 ? Encoding.UTF8.GetString(headerBytes) : Encoding.Latin1.GetString(headerBytes);
        var header = NpyHeader.Parse(headerText);

        var elements = header.ElementCount(maxElements);
        var needed = elements * header.ItemSize;
        var present = bytes.Length - dataStart;
        if (present < needed)
        {
            throw Truncated($"The .npy data is truncated: shape {header.ShapeText} of '{header.Descr}' needs {needed} bytes, the file has {present}.");
        }

        if (present > needed)
        {
            throw Corrupt($"The .npy data is longer than its header says: shape {header.ShapeText} of '{header.Descr}' needs {needed} bytes, the file has {present}.");
        }

        return new NpyArray(header.DataType, header.Descr, header.Shape, elements, npy[dataStart..]);
    }

    private static InvalidArrayException Corrupt(string message) => new(InvalidArrayException.Corrupt, message);

    private static InvalidArrayException Truncated(string message) => new(InvalidArrayException.Truncated, message);
}
