using OrleansBatch.Scoring.Models;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace OrleansBatch.Scoring.Tabular;

/// <summary>
/// Which column of a tabular input feeds which element of which model input, always by the header's names
/// (or the JSON keys). Rules, in order:
/// (1) <c>settings.input_columns</c> set: the model has one input, fed those columns in that order, wherever
/// they stand in the file;
/// (2) every model input is the name of a column: by name (one value per row, or for JSON lines an array);
/// (3) the model has one input of shape [N,F]: the candidate columns in header order, only when their count is
/// F (a <see cref="Note"/> says so). Candidates come from the file's schema, never from a data row, so every
/// slice of a file binds alike: a CSV's or JSON line's every column, a Parquet file's numeric columns;
/// otherwise binding fails with a message naming what is missing and the setting that fixes it.
/// <c>settings.passthrough_columns</c> are found by name the same way.
/// </summary>
internal sealed class TabularBinding
{
    /// <summary>The setting users name the model's features with, as it appears in deployment.yml and invoke bodies.</summary>
    public const string InputColumnsSetting = "settings.input_columns";

    private TabularBinding(string[] columns, InputTensor[] tensors, (int Tensor, int Offset)[] targets, string? note)
    {
        Columns = columns;
        Tensors = tensors;
        Targets = targets;
        Note = note;
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

    /// <summary>Per passthrough column (in the setting's order): its column index.</summary>
    public int[] Passthrough { get; private set; } = [];

    /// <summary>Set when the columns were mapped by position (rule 3): what was done and how to name the columns instead.</summary>
    public string? Note { get; }

    public static TabularBinding? TryBind(
        IReadOnlyList<OnnxValueInfo> inputs,
        string[] columns,
        bool[] candidates,
        TabularColumns settings,
        int capacity,
        bool arrayValues,
        out string? error)
    {
        var binding = BindInputs(inputs, columns, candidates, settings.InputColumns, capacity, arrayValues, out error);
        if (binding is null)
        {
            return null;
        }

        var missing = settings.PassthroughColumns.Where(c => Array.IndexOf(columns, c) < 0).ToArray();
        if (missing.Length > 0)
        {
            error = $"settings.passthrough_columns names {Quoted(missing)}, which the input does not have; its columns: {Describe(columns)}.";
            return null;
        }

        binding.Passthrough = settings.PassthroughColumns.Select(c => Array.IndexOf(columns, c)).ToArray();
        return binding;
    }

    private static TabularBinding? BindInputs(
        IReadOnlyList<OnnxValueInfo> inputs, string[] columns, bool[] candidates, IReadOnlyList<string> inputColumns, int capacity, bool arrayValues, out string? error)
    {
        error = null;
        var targets = Enumerable.Repeat((-1, -1), columns.Length).ToArray();
        if (inputColumns.Count > 0)
        {
            if (inputs.Count != 1)
            {
                error = $"{InputColumnsSetting} feeds a model with one input; this model has {inputs.Count} ({string.Join(", ", inputs.Select(i => i.Name))}): name the columns after them instead and leave {InputColumnsSetting} unset.";
                return null;
            }

            var missing = inputColumns.Where(c => Array.IndexOf(columns, c) < 0).ToArray();
            if (missing.Length > 0)
            {
                error = $"the input has no column {Quoted(missing)}, which {InputColumnsSetting} names; its columns: {Describe(columns)}.";
                return null;
            }

            return Single(inputs[0], columns, inputColumns.Select(c => Array.IndexOf(columns, c)).ToArray(), targets, capacity, InputColumnsSetting, null, out error);
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
                    error = $"model input '{inputs[i].Name}' takes {tensor.Width} values per row, but a CSV column holds one; use JSON lines with an array value for '{inputs[i].Name}'.";
                    return null;
                }

                tensors[i] = tensor;
                targets[byName[i]] = (i, 0);
            }

            return new TabularBinding(columns, tensors, targets, null);
        }

        if (inputs.Count == 1 && inputs[0].Type.Shape.Length == 2)
        {
            var chosen = Enumerable.Range(0, columns.Length).Where(c => candidates[c]).ToArray();
            var kind = chosen.Length == columns.Length ? "columns" : "numeric columns";
            var note = $"Model input '{inputs[0].Name}' takes the file's {chosen.Length} {kind} in the order of the header ({Describe(chosen.Select(c => columns[c]).ToArray())}), because {InputColumnsSetting} is not set. If the file's columns may come in another order, list the model's features in {InputColumnsSetting} to match them by name.";
            return Single(inputs[0], columns, chosen, targets, capacity, $"file's {kind}", note, out error);
        }

        var absent = inputs.Where((_, i) => byName[i] < 0).Select(i => i.Name).ToArray();
        error = $"the input has no column {Quoted(absent)}, which the model takes as input{(absent.Length > 1 ? "s" : "")}; its columns: {Describe(columns)}. Name the columns after the model inputs ({string.Join(", ", inputs.Select(i => i.Name))}).";
        return null;
    }

    private static TabularBinding? Single(
        OnnxValueInfo input, string[] columns, int[] chosen, (int, int)[] targets, int capacity, string source, string? note, out string? error)
    {
        error = null;
        var (batched, itemShape) = ItemShape(input, chosen.Length);
        var tensor = new InputTensor(input, itemShape, batched, capacity);
        if (tensor.Width != chosen.Length)
        {
            error = $"model input '{input.Name}' expects {tensor.Width} values per row ([{string.Join(",", input.Type.Shape)}]), but the {source} are {chosen.Length}: {Describe(chosen.Select(c => columns[c]).ToArray())}. Set {InputColumnsSetting} to the model's {tensor.Width} feature columns, in the model's order.";
            return null;
        }

        for (var k = 0; k < chosen.Length; k++)
        {
            targets[chosen[k]] = (0, k);
        }

        return new TabularBinding(columns, [tensor], targets, note);
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

    private static string Quoted(IReadOnlyList<string> names) => string.Join(", ", names.Select(n => $"'{n}'"));

    private static string Describe(IReadOnlyList<string> names) =>
        names.Count <= 40 ? string.Join(", ", names) : string.Join(", ", names.Take(40)) + $", ... ({names.Count} in all)";
}
