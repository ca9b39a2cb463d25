namespace OrleansBatch.Scoring.Native;

/// <summary>
/// What ONNX Runtime says about one model input or output. <see cref="ElementType"/> is the tensor's element
/// type, or for <c>seq(map(K,V))</c> the map's value type, with <see cref="MapKeyType"/> its key type.
/// </summary>
internal sealed record OrtTypeDescription(
    OrtValueKind Kind,
    OrtElementType ElementType,
    long[] Shape,
    string TypeName,
    OrtElementType MapKeyType = OrtElementType.Undefined)
{
    /// <summary>A sequence of maps, as a ZipMap node produces (one map of class -> probability per row).</summary>
    public bool IsSequenceOfMaps => Kind == OrtValueKind.Sequence && MapKeyType != OrtElementType.Undefined;

    public static string ElementTypeName(OrtElementType type) => type switch
    {
        OrtElementType.Float => "float",
        OrtElementType.UInt8 => "uint8",
        OrtElementType.Int8 => "int8",
        OrtElementType.UInt16 => "uint16",
        OrtElementType.Int16 => "int16",
        OrtElementType.Int32 => "int32",
        OrtElementType.Int64 => "int64",
        OrtElementType.String => "string",
        OrtElementType.Bool => "bool",
        OrtElementType.Float16 => "float16",
        OrtElementType.Double => "double",
        OrtElementType.UInt32 => "uint32",
        OrtElementType.UInt64 => "uint64",
        OrtElementType.Complex64 => "complex64",
        OrtElementType.Complex128 => "complex128",
        OrtElementType.BFloat16 => "bfloat16",
        _ => "undefined",
    };
}
