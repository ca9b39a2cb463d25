using OrleansBatch.Scoring.Models;

namespace OrleansBatch.Scoring.Tests.Models;

/// <summary>
/// Writes small ONNX models as protobuf bytes (no Python needed): typed inputs and outputs with fixed or named
/// dimensions, int64 initializers and nodes with integer attributes. Field numbers from onnx.proto:
/// ModelProto ir_version 1, graph 7, opset_import 8; GraphProto node 1, name 2, initializer 5, input 11, output 12;
/// NodeProto input 1, output 2, op_type 4, attribute 5; AttributeProto name 1, i 3, type 20 (INT = 2);
/// TensorProto dims 1, data_type 2, int64_data 7, name 8.
/// </summary>
public sealed class OnnxGraph
{
    public const int Float = 1;
    public const int UInt8 = 2;
    public const int Int32 = 6;
    public const int Int64 = 7;
    public const int String = 8;
    public const int Bool = 9;
    public const int Double = 11;

    private readonly MemoryStream _graph = new();
    private readonly List<byte[]> _inputs = [];
    private readonly List<byte[]> _outputs = [];
    private int _nodes;

    /// <summary>A graph input; each dimension is a number or a name (a dynamic dimension).</summary>
    public OnnxGraph Input(string name, int elementType, params object[] dims)
    {
        _inputs.Add(ValueInfo(name, elementType, dims));
        return this;
    }

    public OnnxGraph Output(string name, int elementType, params object[] dims)
    {
        _outputs.Add(ValueInfo(name, elementType, dims));
        return this;
    }

    /// <summary>A constant int64 tensor of shape [values.Length].</summary>
    public OnnxGraph Int64Constant(string name, params long[] values)
    {
        using var tensor = new MemoryStream();
        ProtoWire.WriteVarintField(tensor, 1, (ulong)values.Length);
        ProtoWire.WriteVarintField(tensor, 2, Int64);
        foreach (var v in values)
        {
            ProtoWire.WriteVarintField(tensor, 7, unchecked((ulong)v));
        }

        ProtoWire.WriteLengthDelimited(tensor, 8, Utf8(name));
        ProtoWire.WriteLengthDelimited(_graph, 5, tensor.ToArray());
        return this;
    }

    /// <summary>A node; <paramref name="attributes"/> are integer attributes (e.g. Concat's axis).</summary>
    public OnnxGraph Node(string op, string[] inputs, string[] outputs, params (string Name, long Value)[] attributes)
    {
        using var node = new MemoryStream();
        foreach (var input in inputs)
        {
            ProtoWire.WriteLengthDelimited(node, 1, Utf8(input));
        }

        foreach (var output in outputs)
        {
            ProtoWire.WriteLengthDelimited(node, 2, Utf8(output));
        }

        ProtoWire.WriteLengthDelimited(node, 3, Utf8($"n{_nodes++}"));
        ProtoWire.WriteLengthDelimited(node, 4, Utf8(op));
        foreach (var (name, value) in attributes)
        {
            using var attribute = new MemoryStream();
            ProtoWire.WriteLengthDelimited(attribute, 1, Utf8(name));
            ProtoWire.WriteVarintField(attribute, 3, unchecked((ulong)value));
            ProtoWire.WriteVarintField(attribute, 20, 2);
            ProtoWire.WriteLengthDelimited(node, 5, attribute.ToArray());
        }

        ProtoWire.WriteLengthDelimited(_graph, 1, node.ToArray());
        return this;
    }

    public void Save(string path, int opset = 13)
    {
        using var graph = new MemoryStream();
        graph.Write(_graph.ToArray());
        ProtoWire.WriteLengthDelimited(graph, 2, Utf8("test"));
        foreach (var input in _inputs)
        {
            ProtoWire.WriteLengthDelimited(graph, 11, input);
        }

        foreach (var output in _outputs)
        {
            ProtoWire.WriteLengthDelimited(graph, 12, output);
        }

        using var model = new MemoryStream();
        ProtoWire.WriteVarintField(model, 1, 7);
        using (var opsetImport = new MemoryStream())
        {
            ProtoWire.WriteLengthDelimited(opsetImport, 1, []);
            ProtoWire.WriteVarintField(opsetImport, 2, (ulong)opset);
            ProtoWire.WriteLengthDelimited(model, 8, opsetImport.ToArray());
        }

        ProtoWire.WriteLengthDelimited(model, 7, graph.ToArray());
        File.WriteAllBytes(path, model.ToArray());
    }

    /// <summary>ValueInfoProto { name, type { tensor_type { elem_type, shape { dim { dim_value | dim_param } } } } }.</summary>
    private static byte[] ValueInfo(string name, int elementType, object[] dims)
    {
        using var shape = new MemoryStream();
        foreach (var d in dims)
        {
            using var dim = new MemoryStream();
            if (d is string param)
            {
                ProtoWire.WriteLengthDelimited(dim, 2, Utf8(param));
            }
            else
            {
                ProtoWire.WriteVarintField(dim, 1, Convert.ToUInt64(d, System.Globalization.CultureInfo.InvariantCulture));
            }

            ProtoWire.WriteLengthDelimited(shape, 1, dim.ToArray());
        }

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
