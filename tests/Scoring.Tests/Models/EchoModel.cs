using OrleansBatch.Scoring.Models;

namespace OrleansBatch.Scoring.Tests.Models;

/// <summary>
/// Writes a small ONNX model (protobuf bytes, no Python needed) with one [N] input per element type, each
/// passed through an Identity node to an output named <c>&lt;input&gt;_out</c>.
/// </summary>
public static class EchoModel
{
    /// <summary>Input name and ONNX element type (1 float, 2 uint8, 6 int32, 7 int64, 8 string, 9 bool, 11 double).</summary>
    public static readonly (string Name, int ElementType)[] Inputs =
        [("f", 1), ("d", 11), ("i64", 7), ("i32", 6), ("u8", 2), ("b", 9), ("s", 8)];

    public static void Write(string path)
    {
        using var graph = new MemoryStream();
        foreach (var (name, _) in Inputs)
        {
            using var node = new MemoryStream();
            ProtoWire.WriteLengthDelimited(node, 1, Utf8(name));
            ProtoWire.WriteLengthDelimited(node, 2, Utf8(name + "_out"));
            ProtoWire.WriteLengthDelimited(node, 4, Utf8("Identity"));
            ProtoWire.WriteLengthDelimited(graph, 1, node.ToArray());
        }

        ProtoWire.WriteLengthDelimited(graph, 2, Utf8("echo"));
        foreach (var (name, type) in Inputs)
        {
            ProtoWire.WriteLengthDelimited(graph, 11, ValueInfo(name, type));
        }

        foreach (var (name, type) in Inputs)
        {
            ProtoWire.WriteLengthDelimited(graph, 12, ValueInfo(name + "_out", type));
        }

        using var model = new MemoryStream();
        ProtoWire.WriteVarintField(model, 1, 7); // ir_version
        using (var opset = new MemoryStream())
        {
            ProtoWire.WriteLengthDelimited(opset, 1, []);
            ProtoWire.WriteVarintField(opset, 2, 13);
            ProtoWire.WriteLengthDelimited(model, 8, opset.ToArray());
        }

        ProtoWire.WriteLengthDelimited(model, 7, graph.ToArray());
        File.WriteAllBytes(path, model.ToArray());
    }

    /// <summary>ValueInfoProto { name, type { tensor_type { elem_type, shape { dim { dim_param "N" } } } } }.</summary>
    private static byte[] ValueInfo(string name, int elementType)
    {
        using var dim = new MemoryStream();
        ProtoWire.WriteLengthDelimited(dim, 2, Utf8("N"));
        using var shape = new MemoryStream();
        ProtoWire.WriteLengthDelimited(shape, 1, dim.ToArray());
        using var tensor = new MemoryStream();
        ProtoWire.WriteVarintField(tensor, 1, (ulong)elementType);
        ProtoWire.WriteLengthDelimited(tensor, 2, shape.ToArray());
        using var type = new MemoryStream();
        ProtoWire.WriteLengthDelimited(type, 1, tensor.ToArray());
        using var info = new MemoryStream();
        ProtoWire.WriteLengthDelimited(info, 1, Utf8(name));
        ProtoWire.WriteLengthDelimited(info, 2, type.ToArray());
        return info.ToArray();
    }

    private static byte[] Utf8(string text) => System.Text.Encoding.UTF8.GetBytes(text);
}
