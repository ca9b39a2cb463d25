using OrleansBatch.Scoring.Native;

namespace OrleansBatch.Scoring.Models;

/// <summary>The outputs of one Run, read once per batch and written out row by row into CSV lines.</summary>
internal sealed unsafe class BatchOutputs
{
    private readonly OutputLayout _layout;
    private readonly double[]?[] _maps;
    private readonly OrtTensorView?[] _tensors;

    public BatchOutputs(OutputLayout layout, int capacity)
    {
        _layout = layout;
        _maps = layout.Outputs.Select(o => o.IsMapSequence ? new double[capacity * o.Width] : null).ToArray();
        _tensors = new OrtTensorView?[layout.Outputs.Length];
    }

    /// <summary>Reads <paramref name="outputs"/> (kept alive by the caller until the rows are written) for <paramref name="rows"/> rows.</summary>
    public void Load(OnnxRuntime runtime, OrtValueHandle[] outputs, int rows)
    {
        for (var o = 0; o < outputs.Length; o++)
        {
            var spec = _layout.Outputs[o];
            var value = outputs[o].DangerousGetHandle();
            if (spec.IsMapSequence)
            {
                OrtMapSequence.ReadValues(runtime, value, rows, spec.Width, spec.ElementType, _maps[o]!);
                continue;
            }

            var view = OrtTensorView.Read(runtime.Api, value);
            if (view.ElementCount != (long)rows * spec.Width)
            {
                throw new InvalidOperationException(
                    $"Output '{spec.Name}' has shape [{string.Join(",", view.Shape)}] for {rows} rows; expected {spec.Width} values per row.");
            }

            _tensors[o] = view;
        }
    }

    /// <summary>Appends row <paramref name="row"/>'s values to <paramref name="line"/>, comma-separated in column order.</summary>
    public void WriteRow(int row, CsvLine line)
    {
        var first = true;
        for (var o = 0; o < _layout.Outputs.Length; o++)
        {
            var spec = _layout.Outputs[o];
            var start = row * spec.Width;
            for (var j = 0; j < spec.Width; j++)
            {
                if (!first)
                {
                    line.Separator();
                }

                first = false;
                if (spec.IsMapSequence)
                {
                    var v = _maps[o]![start + j];
                    if (spec.ElementType == OrtElementType.Float)
                    {
                        line.Append((float)v);
                    }
                    else
                    {
                        line.Append(v);
                    }

                    continue;
                }

                WriteElement(_tensors[o]!, start + j, line);
            }
        }
    }

    private static void WriteElement(OrtTensorView view, int index, CsvLine line)
    {
        var data = view.Data;
        switch (view.ElementType)
        {
            case OrtElementType.Float: line.Append(((float*)data)[index]); break;
            case OrtElementType.Double: line.Append(((double*)data)[index]); break;
            case OrtElementType.Float16: line.Append((float)((Half*)data)[index]); break;
            case OrtElementType.Int64: line.Append(((long*)data)[index]); break;
            case OrtElementType.Int32: line.Append(((int*)data)[index]); break;
            case OrtElementType.Int16: line.Append(((short*)data)[index]); break;
            case OrtElementType.Int8: line.Append(((sbyte*)data)[index]); break;
            case OrtElementType.UInt64: line.Append(((ulong*)data)[index]); break;
            case OrtElementType.UInt32: line.Append(((uint*)data)[index]); break;
            case OrtElementType.UInt16: line.Append(((ushort*)data)[index]); break;
            case OrtElementType.UInt8: line.Append(((byte*)data)[index]); break;
            case OrtElementType.Bool: line.AppendText(((byte*)data)[index] != 0 ? "true" : "false"); break;
            case OrtElementType.String: line.AppendText(view.Strings![index]); break;
            default: throw new NotSupportedException($"Output element type {view.ElementType} is not supported.");
        }
    }
}
