using System.Buffers.Binary;

namespace OrleansBatch.Scoring.Files;

/// <summary>
/// An array read from a <c>.npy</c> file: its element type, its shape and its raw little-endian data in C
/// (row-major) order.
/// </summary>
public sealed class NpyArray
{
    internal NpyArray(NpyDataType dataType, string descr, long[] shape, long elementCount, ReadOnlyMemory<byte> data)
    {
        DataType = dataType;
        Descr = descr;
        Shape = shape;
        ElementCount = elementCount;
        Data = data;
    }

    /// <summary>The element type.</summary>
    public NpyDataType DataType { get; }

    /// <summary>The dtype as the header spells it, e.g. <c>&lt;f4</c>.</summary>
    public string Descr { get; }

    /// <summary>The shape (empty for a scalar).</summary>
    public IReadOnlyList<long> Shape { get; }

    /// <summary>The number of elements: the product of <see cref="Shape"/>.</summary>
    public long ElementCount { get; }

    /// <summary>The elements' bytes, little-endian, C order.</summary>
    public ReadOnlyMemory<byte> Data { get; }

    /// <summary>The elements converted to float32.</summary>
    public float[] ToSingleArray()
    {
        var result = new float[ElementCount];
        CopyTo(result);
        return result;
    }

    /// <summary>
    /// Converts the elements to float32 into a caller's buffer (e.g. a slot of a batch tensor), so a batch
    /// can be filled without allocating per file. float64 and 64-bit integers lose precision as a cast would.
    /// </summary>
    public void CopyTo(Span<float> destination)
    {
        if (destination.Length < ElementCount)
        {
            throw new ArgumentException($"The destination holds {destination.Length} floats; the array has {ElementCount} elements.", nameof(destination));
        }

        var data = Data.Span;
        var count = (int)ElementCount;
        switch (DataType)
        {
            case NpyDataType.Float32:
                for (var i = 0; i < count; i++) destination[i] = BinaryPrimitives.ReadSingleLittleEndian(data[(i * 4)..]);
                break;
            case NpyDataType.Float64:
                for (var i = 0; i < count; i++) destination[i] = (float)BinaryPrimitives.ReadDoubleLittleEndian(data[(i * 8)..]);
                break;
            case NpyDataType.Int8:
                for (var i = 0; i < count; i++) destination[i] = (sbyte)data[i];
                break;
            case NpyDataType.Int16:
                for (var i = 0; i < count; i++) destination[i] = BinaryPrimitives.ReadInt16LittleEndian(data[(i * 2)..]);
                break;
            case NpyDataType.Int32:
                for (var i = 0; i < count; i++) destination[i] = BinaryPrimitives.ReadInt32LittleEndian(data[(i * 4)..]);
                break;
            case NpyDataType.Int64:
                for (var i = 0; i < count; i++) destination[i] = BinaryPrimitives.ReadInt64LittleEndian(data[(i * 8)..]);
                break;
            case NpyDataType.UInt8:
            case NpyDataType.Bool:
                for (var i = 0; i < count; i++) destination[i] = data[i];
                break;
            case NpyDataType.UInt16:
                for (var i = 0; i < count; i++) destination[i] = BinaryPrimitives.ReadUInt16LittleEndian(data[(i * 2)..]);
                break;
            case NpyDataType.UInt32:
                for (var i = 0; i < count; i++) destination[i] = BinaryPrimitives.ReadUInt32LittleEndian(data[(i * 4)..]);
                break;
            case NpyDataType.UInt64:
                for (var i = 0; i < count; i++) destination[i] = BinaryPrimitives.ReadUInt64LittleEndian(data[(i * 8)..]);
                break;
            default:
                throw new InvalidOperationException($"Unhandled npy data type {DataType}.");
        }
    }

    /// <summary>The raw bytes of a uint8 array, for models that take uint8 input.</summary>
    /// <exception cref="InvalidArrayException">The array is not uint8 (converting would silently clip or wrap).</exception>
    public byte[] ToByteArray()
    {
        if (DataType != NpyDataType.UInt8)
        {
            throw new InvalidArrayException(InvalidArrayException.Unsupported,
                $"The array's dtype is '{Descr}', but uint8 ('|u1') is needed here; save it with arr.astype('uint8').");
        }

        return Data.ToArray();
    }
}
