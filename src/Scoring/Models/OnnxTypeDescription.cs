using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace OrleansBatch.Scoring.Models;

/// <summary>
/// What ONNX Runtime says about one model input or output. <see cref="ElementType"/> is the tensor's element
/// type, or for <c>seq(map(K,V))</c> the map's value type, with <see cref="MapKeyType"/> its key type.
/// <see cref="Shape"/> holds -1 for a dynamic dimension and is empty for non-tensors.
/// </summary>
internal sealed record OnnxTypeDescription(
    OnnxValueType Kind,
    TensorElementType ElementType,
    long[] Shape,
    string TypeName,
    TensorElementType? MapKeyType = null)
{
    /// <summary>A sequence of maps, as a ZipMap node produces (one map of class -> probability per row).</summary>
    public bool IsSequenceOfMaps => Kind == OnnxValueType.ONNX_TYPE_SEQUENCE && MapKeyType is not null;

    public static OnnxTypeDescription Of(NodeMetadata metadata)
    {
        switch (metadata.OnnxValueType)
        {
            case OnnxValueType.ONNX_TYPE_TENSOR:
                return new OnnxTypeDescription(
                    metadata.OnnxValueType, metadata.ElementDataType, metadata.Dimensions.Select(d => (long)d).ToArray(), ElementTypeName(metadata.ElementDataType));
            case OnnxValueType.ONNX_TYPE_SEQUENCE:
                var inner = Of(metadata.AsSequenceMetadata().ElementMeta);
                return new OnnxTypeDescription(metadata.OnnxValueType, inner.ElementType, [], $"seq({inner.TypeName})", inner.Kind == OnnxValueType.ONNX_TYPE_MAP ? inner.MapKeyType : null);
            case OnnxValueType.ONNX_TYPE_MAP:
                var map = metadata.AsMapMetadata();
                var value = Of(map.ValueMetadata);
                return new OnnxTypeDescription(metadata.OnnxValueType, value.ElementType, [], $"map({ElementTypeName(map.KeyDataType)},{value.TypeName})", map.KeyDataType);
            default:
                var kind = metadata.OnnxValueType.ToString().Replace("ONNX_TYPE_", string.Empty, StringComparison.Ordinal).ToLowerInvariant();
                return new OnnxTypeDescription(metadata.OnnxValueType, TensorElementType.DataTypeMax, [], kind);
        }
    }

    public static string ElementTypeName(TensorElementType type) => type switch
    {
        TensorElementType.Float => "float",
        TensorElementType.UInt8 => "uint8",
        TensorElementType.Int8 => "int8",
        TensorElementType.UInt16 => "uint16",
        TensorElementType.Int16 => "int16",
        TensorElementType.Int32 => "int32",
        TensorElementType.Int64 => "int64",
        TensorElementType.String => "string",
        TensorElementType.Bool => "bool",
        TensorElementType.Float16 => "float16",
        TensorElementType.Double => "double",
        TensorElementType.UInt32 => "uint32",
        TensorElementType.UInt64 => "uint64",
        TensorElementType.Complex64 => "complex64",
        TensorElementType.Complex128 => "complex128",
        TensorElementType.BFloat16 => "bfloat16",
        _ => type.ToString().ToLowerInvariant(),
    };
}
