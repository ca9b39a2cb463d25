namespace OrleansBatch.Scoring.Tests.Models;

/// <summary>A small ONNX model with one [N] input per element type, each passed through an Identity node to an output named <c>&lt;input&gt;_out</c>.</summary>
public static class EchoModel
{
    /// <summary>Input name and ONNX element type.</summary>
    public static readonly (string Name, int ElementType)[] Inputs =
        [("f", OnnxGraph.Float), ("d", OnnxGraph.Double), ("i64", OnnxGraph.Int64), ("i32", OnnxGraph.Int32), ("u8", OnnxGraph.UInt8), ("b", OnnxGraph.Bool), ("s", OnnxGraph.String)];

    public static void Write(string path)
    {
        var graph = new OnnxGraph();
        foreach (var (name, type) in Inputs)
        {
            graph.Input(name, type, "N").Output(name + "_out", type, "N").Node("Identity", [name], [name + "_out"]);
        }

        graph.Save(path);
    }
}
