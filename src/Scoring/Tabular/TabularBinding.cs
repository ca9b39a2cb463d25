using OrleansBatch.Scoring.Models;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace OrleansBatch.Scoring.Tabular;

/// <summary>
/// Which column of a tabular input feeds which element of which model input. Rules, in order:
/// (1) <c>input_columns</c> set: the model has one input, fed those columns in that order;
/// (2) every model input is the name of a column: by name (one value per row, or for JSON lines an array);
/// (3) the model has one input of shape [N,F]: the numeric columns (those whose value in the slice's
/// first row is a number), in order; F must match when fixed;
/// otherwise binding fails with a message naming the missing model input and the available columns.
/// </summary>
internal sealed class TabularBinding
{
    private TabularBinding(string[] columns, InputTensor[] tensors, (int Tensor, int Offset)[] targets)
    {
        Columns = columns;
        Tensors = tensors;
        Targets = targets;
        Required = targets.Count(t => t.Tensor >= 0);
        PlainFloatOffsets = tensors is [{ ElementType: TensorElementType.Float }]
            ? targets.Select(t => t.Tensor < 0 ? -1 : t.Offset).ToArray()
            : null;
    }

    /// <summary>For a model with one float input: per column, the element it fills (-1 unused), for <see cref="PlainCsvRow"/>; else null.</summary>
    public int[]? PlainFloatOffsets { get; }

    public string[] Columns { get; }

    /// <summary>One buffer per pipeline input, in the pipeline's input order.</summary>
    public InputTensor[] Tensors { get; }

    /// <summary>Per column: the input tensor and element offset it fills, or (-1, -1) when unused.</summary>
    public (int Tensor, int Offset)[] Targets { get; }

    /// <summary>How many columns feed the model.</summary>
    public int Required { get; }

    /// <summary>Batch capacity (rows per Run).</summary>
    public int Capacity => Tensors.Min(t => t.Capacity);

    public static TabularBinding? TryBind(
        IReadOnlyList<OnnxValueInfo> inputs,
        string[] columns,
        bool[] numeric,
        IReadOnlyList<string>? inputColumns,
        int capacity,
        bool arrayValues,
        out string? error)
    {
        error = null;
        var available = $"available columns: {Describe(columns)}";
        var targets = Enumerable.Repeat((-1, -1), columns.Length).ToArray();

        if (inputColumns is { Count: > 0 })
        {
            if (inputs.Count != 1)
            {
                error = $"input_columns needs a model with one input; this model has {inputs.Count}: {string.Join(", ", inputs.Select(i => i.Name))}.";
                return null;
            }

            var missing = inputColumns.Where(c => Array.IndexOf(columns, c) < 0).ToArray();
            if (missing.Length > 0)
            {
                error = $"input_columns names {Describe(missing)}, not in the input; {available}.";
                return null;
            }

            return Single(inputs[0], columns, inputColumns.Select(c => Array.IndexOf(columns, c)).ToArray(), targets, capacity, "input_columns", out error);
        }

        var byName = inputs.Select(i => Array.IndexOf(columns, i.Name)).ToArray();
        if (byName.All(c => c >= 0))
        {
            var tensors = new InputTensor[inputs.Count];
            for (var i = 0; i < inputs.Count; i++)
            {
                var (batched, itemShape) = ItemShape(inputs[i], 1);
                var tensor = new InputTensor(inputs[i], itemShape, batched, capacity);
                if (tensor.Width != 1 && !arrayValues)
                {
                    error = $"model input '{inputs[i].Name}' takes {tensor.Width} values per row, but a CSV column holds one; name the columns of a single [N,F] input's features with input_columns, or use JSON lines with an array value.";
                    return null;
                }

                tensors[i] = tensor;
                targets[byName[i]] = (i, 0);
            }

            return new TabularBinding(columns, tensors, targets);
        }

        var first = inputs.Select((input, i) => (input, i)).First(p => byName[p.i] < 0).input;
        if (inputs.Count == 1 && inputs[0].Type.Shape.Length == 2)
        {
            var numericColumns = Enumerable.Range(0, columns.Length).Where(c => numeric[c]).ToArray();
            return Single(inputs[0], columns, numericColumns, targets, capacity, "numeric columns", out error);
        }

        error = $"model input '{first.Name}' is not a column of the input; {available}. Name the columns after the model inputs ({string.Join(", ", inputs.Select(i => i.Name))}) or set input_columns.";
        return null;
    }

    private static TabularBinding? Single(
        OnnxValueInfo input, string[] columns, int[] chosen, (int, int)[] targets, int capacity, string source, out string? error)
    {
        error = null;
        var (batched, itemShape) = ItemShape(input, chosen.Length);
        var tensor = new InputTensor(input, itemShape, batched, capacity);
        if (tensor.Width != chosen.Length)
        {
            error = $"model input '{input.Name}' expects {tensor.Width} values per row ([{string.Join(",", input.Type.Shape)}]), but the {source} are {chosen.Length}: {Describe(chosen.Select(c => columns[c]).ToArray())}. Set input_columns to the {tensor.Width} feature columns.";
            return null;
        }

        for (var k = 0; k < chosen.Length; k++)
        {
            targets[chosen[k]] = (0, k);
        }

        return new TabularBinding(columns, [tensor], targets);
    }

    /// <summary>The shape of one row's slice of the input: the model's shape without the dynamic batch dimension, a remaining dynamic dimension taking <paramref name="width"/>.</summary>
    private static (bool Batched, long[] ItemShape) ItemShape(OnnxValueInfo input, int width)
    {
        var shape = input.Type.Shape;
        var batched = shape.Length > 0 && shape[0] < 0;
        var item = batched ? shape[1..] : (long[])shape.Clone();
        var known = item.Where(d => d > 0).Aggregate(1L, (a, d) => a * d);
        var dynamic = item.Count(d => d < 0);
        for (var i = 0; i < item.Length; i++)
        {
            if (item[i] < 0)
            {
                item[i] = dynamic == 1 && width % known == 0 ? width / known : 1;
            }
        }

        return (batched, item);
    }

    private static string Describe(IReadOnlyList<string> names) =>
        names.Count <= 40 ? string.Join(", ", names) : string.Join(", ", names.Take(40)) + $", ... ({names.Count} in all)";
}
