using System.Text;

namespace OrleansBatch.Scoring.Native;

/// <summary>
/// A read view of an output tensor: element type, shape and data (a pointer into the value, valid while the
/// value lives; strings are copied out since ONNX Runtime stores them in its own layout).
/// </summary>
internal sealed unsafe class OrtTensorView
{
    private OrtTensorView(OrtElementType elementType, long[] shape, void* data, string[]? strings)
    {
        ElementType = elementType;
        Shape = shape;
        Data = data;
        Strings = strings;
    }

    public OrtElementType ElementType { get; }

    public long[] Shape { get; }

    public void* Data { get; }

    public string[]? Strings { get; }

    public long ElementCount
    {
        get
        {
            long n = 1;
            foreach (var d in Shape)
            {
                n *= d;
            }

            return n;
        }
    }

    public static OrtTensorView Read(OrtApi api, nint value)
    {
        nint info;
        api.Check(api.GetTensorTypeAndShape(value, &info));
        OrtElementType element;
        long[] shape;
        using (new OrtTensorShapeHandle(api, info))
        {
            (element, shape) = OrtTypeReader.ReadTensorInfo(api, info);
        }

        if (element == OrtElementType.String)
        {
            return new OrtTensorView(element, shape, null, ReadStrings(api, value, shape));
        }

        void* data;
        api.Check(api.GetTensorMutableData(value, &data));
        return new OrtTensorView(element, shape, data, null);
    }

    private static string[] ReadStrings(OrtApi api, nint value, long[] shape)
    {
        long count = 1;
        foreach (var d in shape)
        {
            count *= d;
        }

        nuint length;
        api.Check(api.GetStringTensorDataLength(value, &length));
        var bytes = new byte[(int)length];
        var offsets = new nuint[count];
        fixed (byte* b = bytes)
        fixed (nuint* o = offsets)
        {
            api.Check(api.GetStringTensorContent(value, b, length, o, (nuint)count));
        }

        var result = new string[count];
        for (var i = 0; i < count; i++)
        {
            var start = (int)offsets[i];
            var end = i + 1 < count ? (int)offsets[i + 1] : bytes.Length;
            result[i] = Encoding.UTF8.GetString(bytes, start, end - start);
        }

        return result;
    }
}
