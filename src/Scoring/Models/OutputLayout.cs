using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace OrleansBatch.Scoring.Models;

/// <summary>
/// The output columns of a pipeline. The signature alone cannot tell a ZipMap's class labels nor a dynamic
/// class count, so the layout comes from one probe Run on a single all-zero row at load time.
/// </summary>
internal sealed class OutputLayout
{
    private OutputLayout(OutputSpec[] outputs)
    {
        Outputs = outputs;
        Columns = outputs.SelectMany(o => o.Columns).ToArray();
    }

    public OutputSpec[] Outputs { get; }

    public IReadOnlyList<string> Columns { get; }

    /// <exception cref="OnnxRuntimeException">The probe Run failed.</exception>
    public static OutputLayout Probe(OnnxPipeline pipeline, IReadOnlyList<InputTensor> inputs)
    {
        var batched = inputs.All(i => i.Batched);
        var values = new OrtValue[inputs.Count];
        try
        {
            for (var i = 0; i < inputs.Count; i++)
            {
                inputs[i].FillZero(1);
                values[i] = inputs[i].CreateValue(1);
            }

            using var outputs = pipeline.Run(values);
            var specs = new OutputSpec[outputs.Count];
            var o = 0;
            foreach (var output in outputs)
            {
                specs[o] = pipeline.ZipMaps.TryGetValue(pipeline.Outputs[o].Name, out var zipMap)
                    ? new OutputSpec(zipMap.OutputName, false, TensorElementType.Float, zipMap.Labels.Length, zipMap.Labels.Select(l => $"{zipMap.OutputName}_{l}").ToArray())
                    : Describe(pipeline.Outputs[o], output, batched);
                o++;
            }

            return new OutputLayout(specs);
        }
        finally
        {
            foreach (var value in values)
            {
                value?.Dispose();
            }
        }
    }

    private static OutputSpec Describe(OnnxValueInfo info, OrtValue value, bool batched)
    {
        var name = info.Name;
        if (info.Type.IsSequenceOfMaps)
        {
            if (info.Type.ElementType is not (TensorElementType.Float or TensorElementType.Double))
            {
                throw new NotSupportedException($"Output '{name}' is {info.Type.TypeName}; only maps to float or double are supported.");
            }

            var keys = MapSequence.ReadKeys(value);
            return new OutputSpec(name, true, info.Type.ElementType, keys.Length, keys.Select(k => $"{name}_{k}").ToArray());
        }

        if (info.Type.Kind != OnnxValueType.ONNX_TYPE_TENSOR)
        {
            throw new NotSupportedException($"Output '{name}' is {info.Type.TypeName}; supported outputs are tensors and sequences of maps (ZipMap).");
        }

        var view = value.GetTensorTypeAndShape();
        // Batched: the first dimension is the row; unbatched (one item per Run): the whole output is the row.
        var width = !batched ? checked((int)view.ElementCount) : view.Shape.Length <= 1 ? 1 : checked((int)view.Shape.Skip(1).Aggregate(1L, (a, d) => a * d));
        var columns = width == 1
            ? [name]
            : Enumerable.Range(0, width).Select(i => $"{name}_{i}").ToArray();
        return new OutputSpec(name, false, view.ElementDataType, width, columns);
    }
}
