using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace OrleansBatch.Scoring.Models;

/// <summary>
/// The outputs of one Run, read once per batch and written out row by row into CSV lines. Numeric tensors are
/// read in place (a pointer into ONNX Runtime's memory, valid while the caller keeps the outputs alive), so
/// writing a row costs no native call.
/// </summary>
internal sealed unsafe class BatchOutputs
{
    private readonly OutputLayout _layout;
    private readonly double[]?[] _maps;
    private readonly nint[] _data;
    private readonly TensorElementType[] _types;
    private readonly string[]?[] _strings;

    public BatchOutputs(OutputLayout layout, int capacity)
    {
        _layout = layout;
        _maps = layout.Outputs.Select(o => o.IsMapSequence ? new double[capacity * o.Width] : null).ToArray();
        _data = new nint[layout.Outputs.Length];
        _types = new TensorElementType[layout.Outputs.Length];
        _strings = new string[]?[layout.Outputs.Length];
    }

    /// <summary>Reads <paramref name="outputs"/> (kept alive by the caller until the rows are written) for <paramref name="rows"/> rows.</summary>
    public void Load(IReadOnlyCollection<OrtValue> outputs, int rows)
    {
        var o = 0;
        foreach (var value in outputs)
        {
            var spec = _layout.Outputs[o];
            if (spec.IsMapSequence)
            {
                MapSequence.ReadValues(value, rows, spec.Width, spec.ElementType, _maps[o]!);
                o++;
                continue;
            }

            var info = value.GetTensorTypeAndShape();
            if (info.ElementCount != (long)rows * spec.Width)
            {
                throw new InvalidOperationException(
                    $"Output '{spec.Name}' has shape [{string.Join(",", info.Shape)}] for {rows} rows; expected {spec.Width} values per row.");
            }

            _types[o] = info.ElementDataType;
            if (info.ElementDataType == TensorElementType.String)
            {
                _strings[o] = value.GetStringTensorAsArray();
            }
            else
            {
                _data[o] = (nint)Unsafe.AsPointer(ref MemoryMarshal.GetReference(value.GetTensorMutableRawData()));
            }

            o++;
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
                    if (spec.ElementType == TensorElementType.Float)
                    {
                        line.Append((float)v);
                    }
                    else
                    {
                        line.Append(v);
                    }

                    continue;
                }

                WriteElement(o, start + j, line);
            }
        }
    }

    private void WriteElement(int output, int index, CsvLine line)
    {
        var data = (void*)_data[output];
        switch (_types[output])
        {
            case TensorElementType.Float: line.Append(((float*)data)[index]); break;
            case TensorElementType.Double: line.Append(((double*)data)[index]); break;
            case TensorElementType.Float16: line.Append((float)((Half*)data)[index]); break;
            case TensorElementType.Int64: line.Append(((long*)data)[index]); break;
            case TensorElementType.Int32: line.Append(((int*)data)[index]); break;
            case TensorElementType.Int16: line.Append(((short*)data)[index]); break;
            case TensorElementType.Int8: line.Append(((sbyte*)data)[index]); break;
            case TensorElementType.UInt64: line.Append(((ulong*)data)[index]); break;
            case TensorElementType.UInt32: line.Append(((uint*)data)[index]); break;
            case TensorElementType.UInt16: line.Append(((ushort*)data)[index]); break;
            case TensorElementType.UInt8: line.Append(((byte*)data)[index]); break;
            case TensorElementType.Bool: line.AppendText(((byte*)data)[index] != 0 ? "true" : "false"); break;
            case TensorElementType.String: line.AppendText(_strings[output]![index]); break;
            default: throw new NotSupportedException($"Output element type {OnnxTypeDescription.ElementTypeName(_types[output])} is not supported.");
        }
    }
}
