namespace OrleansBatch.Scoring.Native;

/// <summary>Turns an <c>OrtTypeInfo</c> into an <see cref="OrtTypeDescription"/>, following sequences and maps.</summary>
internal static unsafe class OrtTypeReader
{
    public static OrtTypeDescription Describe(OrtApi api, nint typeInfo)
    {
        int kind;
        api.Check(api.GetOnnxTypeFromTypeInfo(typeInfo, &kind));
        switch ((OrtValueKind)kind)
        {
            case OrtValueKind.Tensor:
            case OrtValueKind.SparseTensor:
            {
                nint tensorInfo; // borrowed from typeInfo
                api.Check(api.CastTypeInfoToTensorInfo(typeInfo, &tensorInfo));
                var (element, shape) = ReadTensorInfo(api, tensorInfo);
                return new OrtTypeDescription((OrtValueKind)kind, element, shape, OrtTypeDescription.ElementTypeName(element));
            }

            case OrtValueKind.Sequence:
            {
                nint sequenceInfo; // borrowed
                api.Check(api.CastTypeInfoToSequenceTypeInfo(typeInfo, &sequenceInfo));
                nint elementInfo;
                api.Check(api.GetSequenceElementType(sequenceInfo, &elementInfo));
                using var owned = new OrtTypeInfoHandle(api, elementInfo);
                var inner = Describe(api, elementInfo);
                return new OrtTypeDescription(
                    OrtValueKind.Sequence,
                    inner.ElementType,
                    [],
                    $"seq({inner.TypeName})",
                    inner.Kind == OrtValueKind.Map ? inner.MapKeyType : OrtElementType.Undefined);
            }

            case OrtValueKind.Map:
            {
                nint mapInfo; // borrowed
                api.Check(api.CastTypeInfoToMapTypeInfo(typeInfo, &mapInfo));
                int keyType;
                api.Check(api.GetMapKeyType(mapInfo, &keyType));
                nint valueInfo;
                api.Check(api.GetMapValueType(mapInfo, &valueInfo));
                using var owned = new OrtTypeInfoHandle(api, valueInfo);
                var value = Describe(api, valueInfo);
                var key = (OrtElementType)keyType;
                return new OrtTypeDescription(
                    OrtValueKind.Map, value.ElementType, [], $"map({OrtTypeDescription.ElementTypeName(key)},{value.TypeName})", key);
            }

            default:
                var name = ((OrtValueKind)kind).ToString().ToLowerInvariant();
                return new OrtTypeDescription((OrtValueKind)kind, OrtElementType.Undefined, [], name);
        }
    }

    /// <summary>Element type and dimensions (-1 where dynamic) of an <c>OrtTensorTypeAndShapeInfo</c>.</summary>
    public static (OrtElementType Element, long[] Shape) ReadTensorInfo(OrtApi api, nint tensorInfo)
    {
        int element;
        api.Check(api.GetTensorElementType(tensorInfo, &element));
        nuint rank;
        api.Check(api.GetDimensionsCount(tensorInfo, &rank));
        var shape = new long[(int)rank];
        fixed (long* dims = shape)
        {
            api.Check(api.GetDimensions(tensorInfo, dims, rank));
        }

        return ((OrtElementType)element, shape);
    }
}
