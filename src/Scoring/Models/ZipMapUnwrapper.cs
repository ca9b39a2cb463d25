using System.Globalization;

namespace OrleansBatch.Scoring.Models;

/// <summary>
/// Rewrites a model so that a ZipMap producing a graph output is dropped and its input, the [N,K] probability
/// tensor, becomes the graph output instead. ZipMap only repackages that tensor as one map per row, and
/// reading maps back through the C API costs two native objects per row; the tensor is read in one piece.
/// The rewrite is done on the protobuf bytes (ModelProto.graph = 7; GraphProto.node = 1, output = 12;
/// NodeProto.input = 1, output = 2, op_type = 4, attribute = 5; AttributeProto.name = 1, ints = 8, strings = 9).
/// Only ZipMaps whose class labels are in ascending order are unwrapped, since the maps list keys in that order.
/// </summary>
internal static class ZipMapUnwrapper
{
    public static (byte[] Model, ZipMapOutput[] ZipMaps)? TryUnwrap(byte[] model)
    {
        var modelFields = ProtoWire.Read(model);
        var graph = modelFields.FirstOrDefault(f => f.Number == 7 && f.WireType == 2);
        if (graph.Encoded.IsEmpty)
        {
            return null;
        }

        var graphFields = ProtoWire.Read(graph.Payload);
        var outputs = graphFields.Where(f => f.Number == 12 && f.WireType == 2)
            .Select(f => ProtoWire.Text(ProtoWire.Read(f.Payload).First(v => v.Number == 1)))
            .ToHashSet();
        var zipMaps = new Dictionary<string, ZipMapOutput>();
        var dropped = new HashSet<int>();
        for (var i = 0; i < graphFields.Count; i++)
        {
            if (graphFields[i].Number == 1 && TryReadZipMap(graphFields[i], outputs) is { } zipMap)
            {
                zipMaps[zipMap.OutputName] = zipMap;
                dropped.Add(i);
            }
        }

        if (zipMaps.Count == 0)
        {
            return null;
        }

        using var newGraph = new MemoryStream();
        for (var i = 0; i < graphFields.Count; i++)
        {
            var field = graphFields[i];
            if (dropped.Contains(i))
            {
                continue;
            }

            if (field.Number == 12 && field.WireType == 2)
            {
                var name = ProtoWire.Text(ProtoWire.Read(field.Payload).First(v => v.Number == 1));
                if (zipMaps.TryGetValue(name, out var zipMap))
                {
                    ProtoWire.WriteLengthDelimited(newGraph, 12, FloatTensorValueInfo(zipMap.TensorName, zipMap.Labels.Length));
                    continue;
                }
            }

            newGraph.Write(field.Encoded.Span);
        }

        using var newModel = new MemoryStream();
        foreach (var field in modelFields)
        {
            if (field.Number == 7 && field.WireType == 2)
            {
                ProtoWire.WriteLengthDelimited(newModel, 7, newGraph.ToArray());
            }
            else
            {
                newModel.Write(field.Encoded.Span);
            }
        }

        return (newModel.ToArray(), zipMaps.Values.ToArray());
    }

    private static ZipMapOutput? TryReadZipMap(ProtoWire.Field node, HashSet<string> graphOutputs)
    {
        var fields = ProtoWire.Read(node.Payload);
        if (fields.FirstOrDefault(f => f.Number == 4) is not { Encoded.IsEmpty: false } opType || ProtoWire.Text(opType) != "ZipMap")
        {
            return null;
        }

        var inputs = fields.Where(f => f.Number == 1).Select(ProtoWire.Text).ToArray();
        var outputs = fields.Where(f => f.Number == 2).Select(ProtoWire.Text).ToArray();
        if (inputs.Length != 1 || outputs.Length != 1 || !graphOutputs.Contains(outputs[0]) || graphOutputs.Contains(inputs[0]))
        {
            return null;
        }

        string[]? labels = null;
        foreach (var attribute in fields.Where(f => f.Number == 5).Select(f => ProtoWire.Read(f.Payload)))
        {
            var name = ProtoWire.Text(attribute.First(a => a.Number == 1));
            if (name == "classlabels_int64s")
            {
                var ints = ProtoWire.Int64s(attribute, 8).ToArray();
                labels = ints.Zip(ints.Skip(1)).All(p => p.First < p.Second)
                    ? ints.Select(v => v.ToString(CultureInfo.InvariantCulture)).ToArray()
                    : null;
            }
            else if (name == "classlabels_strings")
            {
                var strings = attribute.Where(a => a.Number == 9).Select(ProtoWire.Text).ToArray();
                labels = strings.Zip(strings.Skip(1)).All(p => string.CompareOrdinal(p.First, p.Second) < 0) ? strings : null;
            }
        }

        return labels is { Length: > 0 } ? new ZipMapOutput(outputs[0], inputs[0], labels) : null;
    }

    /// <summary>
    /// ValueInfoProto { name, type: TypeProto { tensor_type: { elem_type: FLOAT, shape: [N, classes] } } }: the
    /// exposed output is the [N, classes] probability tensor (TensorShapeProto.dim = 1; dim_value = 1, dim_param = 2).
    /// </summary>
    private static byte[] FloatTensorValueInfo(string name, int classes)
    {
        using var rows = new MemoryStream();
        ProtoWire.WriteLengthDelimited(rows, 2, System.Text.Encoding.UTF8.GetBytes("N"));
        using var columns = new MemoryStream();
        ProtoWire.WriteVarintField(columns, 1, (ulong)classes);
        using var shape = new MemoryStream();
        ProtoWire.WriteLengthDelimited(shape, 1, rows.ToArray());
        ProtoWire.WriteLengthDelimited(shape, 1, columns.ToArray());
        using var tensorType = new MemoryStream();
        ProtoWire.WriteVarintField(tensorType, 1, 1);
        ProtoWire.WriteLengthDelimited(tensorType, 2, shape.ToArray());
        using var type = new MemoryStream();
        ProtoWire.WriteLengthDelimited(type, 1, tensorType.ToArray());
        using var valueInfo = new MemoryStream();
        ProtoWire.WriteLengthDelimited(valueInfo, 1, System.Text.Encoding.UTF8.GetBytes(name));
        ProtoWire.WriteLengthDelimited(valueInfo, 2, type.ToArray());
        return valueInfo.ToArray();
    }
}
