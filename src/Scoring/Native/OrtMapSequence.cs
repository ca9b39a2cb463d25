using System.Globalization;

namespace OrleansBatch.Scoring.Native;

/// <summary>
/// Reads a sequence of maps (what a ZipMap node outputs: one map class -> probability per row) into a dense
/// rows x classes block. Every map of a ZipMap has the same keys in the same order, so keys are read once.
/// </summary>
internal static unsafe class OrtMapSequence
{
    /// <summary>The keys of the first map, formatted invariantly (class labels).</summary>
    public static string[] ReadKeys(OnnxRuntime runtime, nint sequence)
    {
        var api = runtime.Api;
        nint map = 0, keys = 0;
        try
        {
            api.Check(api.GetValue(sequence, 0, runtime.DefaultAllocator, &map));
            api.Check(api.GetValue(map, 0, runtime.DefaultAllocator, &keys));
            var view = OrtTensorView.Read(api, keys);
            if (view.Strings is not null)
            {
                return view.Strings;
            }

            var result = new string[view.ElementCount];
            for (var i = 0; i < result.Length; i++)
            {
                result[i] = view.ElementType switch
                {
                    OrtElementType.Int64 => ((long*)view.Data)[i].ToString(CultureInfo.InvariantCulture),
                    OrtElementType.Int32 => ((int*)view.Data)[i].ToString(CultureInfo.InvariantCulture),
                    _ => throw new NotSupportedException($"Map keys of type {view.ElementType} are not supported."),
                };
            }

            return result;
        }
        finally
        {
            api.ReleaseValue(keys);
            api.ReleaseValue(map);
        }
    }

    /// <summary>Number of maps in the sequence.</summary>
    public static int Count(OrtApi api, nint sequence)
    {
        nuint count;
        api.Check(api.GetValueCount(sequence, &count));
        return (int)count;
    }

    /// <summary>Copies the values (<paramref name="valueType"/> float or double) of maps 0..rows-1 into <paramref name="destination"/> (row-major, <paramref name="width"/> per row).</summary>
    public static void ReadValues(OnnxRuntime runtime, nint sequence, int rows, int width, OrtElementType valueType, double[] destination)
    {
        var api = runtime.Api;
        var count = Count(api, sequence);
        if (count != rows)
        {
            throw new InvalidOperationException($"The model returned {count} maps for {rows} rows.");
        }

        for (var row = 0; row < rows; row++)
        {
            nint map = 0, values = 0;
            try
            {
                api.Check(api.GetValue(sequence, row, runtime.DefaultAllocator, &map));
                api.Check(api.GetValue(map, 1, runtime.DefaultAllocator, &values));
                if (row == 0)
                {
                    // Checked once per batch: ZipMap maps all carry every class.
                    var view = OrtTensorView.Read(api, values);
                    if (view.ElementCount != width)
                    {
                        throw new InvalidOperationException($"A map holds {view.ElementCount} entries; the model's first run had {width}.");
                    }
                }

                void* data;
                api.Check(api.GetTensorMutableData(values, &data));
                var target = destination.AsSpan(row * width, width);
                if (valueType == OrtElementType.Double)
                {
                    new ReadOnlySpan<double>(data, width).CopyTo(target);
                }
                else
                {
                    var source = new ReadOnlySpan<float>(data, width);
                    for (var j = 0; j < width; j++)
                    {
                        target[j] = source[j];
                    }
                }
            }
            finally
            {
                api.ReleaseValue(values);
                api.ReleaseValue(map);
            }
        }
    }
}
