using OrleansBatch.Abstractions;
using OrleansBatch.Abstractions.Deployments;
using OrleansBatch.Abstractions.Models;

namespace OrleansBatch.Grains.Domain.Deployments;

/// <summary>
/// Checks, when a pipeline is deployed, that its steps fit together the way the scorer chains them: each input
/// of a later step is the output of that name of the nearest earlier step (or, when the previous step has one
/// output and this step one input, that output whatever its name), with the same element type and a shape that
/// agrees on rank and on every fixed dimension. A pipeline that does not fit is refused before any job runs.
/// </summary>
public static class PipelineFit
{
    /// <summary>
    /// Throws 400 <c>ValidationFailed</c> naming each step, tensor and mismatch (keyed <c>steps[i].model</c>), and
    /// <c>settings.input_columns</c> that cannot feed the first model's input (a model of several inputs, or a
    /// count other than the input's fixed width).
    /// </summary>
    public static void Check(IReadOnlyList<ModelBinding> graphs, IReadOnlyList<string>? inputColumns)
    {
        var errors = new ValidationErrors();
        foreach (var (step, message) in Problems(graphs))
            errors.Add($"steps[{step}].model", message);
        if (ColumnsProblem(graphs[0], inputColumns) is { } columns)
            errors.Add("settings.input_columns", columns);
        errors.ThrowIfAny();
    }

    /// <summary>Why <paramref name="inputColumns"/> cannot feed <paramref name="first"/>'s input, or null when they can (or are unset).</summary>
    public static string? ColumnsProblem(ModelBinding first, IReadOnlyList<string>? inputColumns)
    {
        if (inputColumns is not { Count: > 0 })
            return null;
        if (first.Inputs.Count != 1)
            return $"lists the features of a model input of one wide tensor; {Name(first)} has {first.Inputs.Count} inputs ({string.Join(", ", first.Inputs.Select(i => $"'{i.Name}'"))}), which take the columns of their own names. Leave input_columns unset.";
        var input = first.Inputs[0];
        var width = input.Shape.Skip(1).Aggregate(1L, (a, d) => d < 0 || a < 0 ? -1 : a * d);
        return input.Shape.Count >= 2 && width > 0 && width != inputColumns.Count
            ? $"names {inputColumns.Count} columns, but {Name(first)} input '{input.Name}' {Describe(input)} takes {width} values per row: list its {width} features in the model's order."
            : null;
    }

    /// <summary>Every mismatch, with the index of the step whose input it concerns.</summary>
    public static IEnumerable<(int Step, string Message)> Problems(IReadOnlyList<ModelBinding> steps)
    {
        for (var s = 1; s < steps.Count; s++)
        {
            foreach (var input in steps[s].Inputs)
            {
                var source = Source(steps, s, input);
                if (source is not var (from, output))
                {
                    yield return (s, $"step {s + 1} ({Name(steps[s])}) input '{input.Name}' is not an output of an earlier step; step {s} ({Name(steps[s - 1])}) outputs {string.Join(", ", steps[s - 1].Outputs.Select(o => $"'{o.Name}' {Describe(o)}"))}. Rename the tensor in one of the models so they match.");
                    continue;
                }

                var producer = $"step {from + 1} ({Name(steps[from])}) output '{output.Name}' {Describe(output)}";
                var consumer = $"step {s + 1} ({Name(steps[s])}) input '{input.Name}' {Describe(input)}";
                if (!string.Equals(output.Type, input.Type, StringComparison.Ordinal))
                    yield return (s, $"{consumer} does not take {producer}: the element types differ ({output.Type} into {input.Type}).");
                else if (ShapeMismatch(output.Shape, input.Shape) is { } mismatch)
                    yield return (s, $"{consumer} does not take {producer}: {mismatch}.");
            }
        }
    }

    /// <summary>The output that feeds <paramref name="input"/> of step <paramref name="step"/>, as the scorer wires it.</summary>
    private static (int Step, ModelIo Output)? Source(IReadOnlyList<ModelBinding> steps, int step, ModelIo input)
    {
        for (var earlier = step - 1; earlier >= 0; earlier--)
        {
            if (steps[earlier].Outputs.FirstOrDefault(o => o.Name == input.Name) is { } named)
                return (earlier, named);
        }
        return steps[step - 1].Outputs.Count == 1 && steps[step].Inputs.Count == 1 ? (step - 1, steps[step - 1].Outputs[0]) : null;
    }

    private static string? ShapeMismatch(IReadOnlyList<long> produced, IReadOnlyList<long> expected)
    {
        if (produced.Count != expected.Count)
            return $"rank {produced.Count} into rank {expected.Count}";
        for (var d = 0; d < produced.Count; d++)
        {
            if (produced[d] >= 0 && expected[d] >= 0 && produced[d] != expected[d])
                return $"dimension {d} is {produced[d]}, the input takes {expected[d]}";
        }
        return null;
    }

    private static string Name(ModelBinding model) => $"{model.Name}:{model.Version}";

    private static string Describe(ModelIo value) => $"{value.Type} [{string.Join(",", value.Shape.Select(d => d < 0 ? "N" : d.ToString(System.Globalization.CultureInfo.InvariantCulture)))}]";
}
