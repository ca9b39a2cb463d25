using System.Globalization;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace OrleansBatch.Scoring.Models;

/// <summary>
/// Reads a sequence of maps (what a ZipMap node outputs: one map class -> probability per row) into a dense
/// rows x classes block. Every map of a ZipMap has the same keys in the same order, so keys are read once.
/// Each map costs native objects to read (registry.md: ~148 KB per 1,024 rows), which is why ZipMaps are
/// unwrapped at load where possible (<see cref="ZipMapUnwrapper"/>) and this is the fallback.
/// </summary>
internal static class MapSequence
{
    /// <summary>The keys of the first map, formatted invariantly (class labels).</summary>
    public static string[] ReadKeys(OrtValue sequence)
    {
        var allocator = OrtAllocator.DefaultInstance;
        using var map = sequence.GetValue(0, allocator);
        using var keys = map.GetValue(0, allocator);
        var info = keys.GetTensorTypeAndShape();
        return info.ElementDataType switch
        {
            TensorElementType.String => keys.GetStringTensorAsArray(),
            TensorElementType.Int64 => Format(keys.GetTensorDataAsSpan<long>()),
            TensorElementType.Int32 => Format(keys.GetTensorDataAsSpan<int>()),
            _ => throw new NotSupportedException($"Map keys of type {OnnxTypeDescription.ElementTypeName(info.ElementDataType)} are not supported."),
        };
    }

    /// <summary>Copies the values (float or double) of maps 0..rows-1 into <paramref name="destination"/> (row-major, <paramref name="width"/> per row).</summary>
    public static void ReadValues(OrtValue sequence, int rows, int width, TensorElementType valueType, double[] destination)
    {
        var count = sequence.GetValueCount();
        if (count != rows)
        {
            throw new InvalidOperationException($"The model returned {count} maps for {rows} rows.");
        }

        var allocator = OrtAllocator.DefaultInstance;
        for (var row = 0; row < rows; row++)
        {
            using var map = sequence.GetValue(row, allocator);
            using var values = map.GetValue(1, allocator);
            var target = destination.AsSpan(row * width, width);
            if (valueType == TensorElementType.Double)
            {
                Check(values.GetTensorDataAsSpan<double>().Length, width);
                values.GetTensorDataAsSpan<double>().CopyTo(target);
            }
            else
            {
                var source = values.GetTensorDataAsSpan<float>();
                Check(source.Length, width);
                for (var j = 0; j < width; j++)
                {
                    target[j] = source[j];
                }
            }
        }
    }

    private static void Check(int entries, int width)
    {
        if (entries != width)
        {
            throw new InvalidOperationException($"A map holds {entries} entries; the model's first run had {width}.");
        }
    }

    private static string[] Format<T>(ReadOnlySpan<T> keys)
        where T : IFormattable
    {
        var result = new string[keys.Length];
        for (var i = 0; i < keys.Length; i++)
        {
            result[i] = keys[i].ToString(null, CultureInfo.InvariantCulture);
        }

        return result;
    }
}
