namespace OrleansBatch.Scoring.Tests.Models;

/// <summary>
/// Models whose cost a data value chooses, so a one-row probe at load is cheap and a later row is not: the
/// input <c>n</c> (int64 [1]) sizes a zero tensor <c>ConstantOfShape([1, n])</c>.
/// </summary>
public static class DemandingModels
{
    /// <summary><c>y = ReduceSum(ConstantOfShape([1, n]))</c>: n floats of memory (n = 1e9 asks for 4 GB in one allocation).</summary>
    public static void WriteMemoryBomb(string path) =>
        Zeros().Node("ReduceSum", ["zeros"], ["y"]).Output("y", OnnxGraph.Float, 1, 1).Save(path);

    /// <summary><c>y = ReduceSum(Sin(Sin(...Sin(zeros)...)))</c> with <paramref name="layers"/> Sin nodes: slow for a large n, one node at a time.</summary>
    public static void WriteSlow(string path, int layers = 300)
    {
        var graph = Zeros();
        var previous = "zeros";
        for (var i = 0; i < layers; i++)
        {
            graph.Node("Sin", [previous], [$"sin{i}"]);
            previous = $"sin{i}";
        }

        graph.Node("ReduceSum", [previous], ["y"]).Output("y", OnnxGraph.Float, 1, 1).Save(path);
    }

    private static OnnxGraph Zeros() => new OnnxGraph()
        .Input("n", OnnxGraph.Int64, 1)
        .Int64Constant("one", 1)
        .Node("Concat", ["one", "n"], ["shape"], ("axis", 0))
        .Node("ConstantOfShape", ["shape"], ["zeros"]);
}
