namespace OrleansBatch.Scoring.Files;

/// <summary>The element types <see cref="NpyReader"/> reads (numpy dtypes, little-endian).</summary>
public enum NpyDataType
{
    /// <summary><c>&lt;f4</c>, float32.</summary>
    Float32,

    /// <summary><c>&lt;f8</c>, float64.</summary>
    Float64,

    /// <summary><c>|i1</c>, int8.</summary>
    Int8,

    /// <summary><c>&lt;i2</c>, int16.</summary>
    Int16,

    /// <summary><c>&lt;i4</c>, int32.</summary>
    Int32,

    /// <summary><c>&lt;i8</c>, int64.</summary>
    Int64,

    /// <summary><c>|u1</c>, uint8.</summary>
    UInt8,

    /// <summary><c>&lt;u2</c>, uint16.</summary>
    UInt16,

    /// <summary><c>&lt;u4</c>, uint32.</summary>
    UInt32,

    /// <summary><c>&lt;u8</c>, uint64.</summary>
    UInt64,

    /// <summary><c>|b1</c>, bool (one byte, 0 or 1).</summary>
    Bool,
}
