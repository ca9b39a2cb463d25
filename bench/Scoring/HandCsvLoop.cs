using System.Globalization;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using Sylvan.Data.Csv;

namespace OrleansBatch.Bench.Scoring;

/// <summary>
/// What a .NET user writes by hand: Sylvan.Data.Csv reads the rows (the sample files hold exactly the model's columns) into a float batch, the ORT
/// managed API runs the original model files in a tight loop (sessions on all cores), and every output value is
/// written as text (ZipMap outputs read as maps, as the managed API returns them).
/// </summary>
internal sealed class HandCsvLoop : IDisposable
{
    private readonly InferenceSession[] _sessions;
    private readonly int _batch;

    public HandCsvLoop(string[] models, int batch)
    {
        using var options = new SessionOptions { IntraOpNumThreads = Environment.ProcessorCount, GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL };
        _sessions = models.Select(m => new InferenceSession(m, options)).ToArray();
        _batch = batch;
    }

    public long Score(string csv)
    {
        using var reader = CsvDataReader.Create(csv);
        var first = _sessions[0];
        var inputName = first.InputNames[0];
        var width = first.InputMetadata[inputName].Dimensions[1];
        var ordinals = Enumerable.Range(0, width).ToArray(); // the sample files hold exactly the model's columns, in order
        var buffer = new float[_batch * width];
        using var output = new StreamWriter(Stream.Null);
        long rows = 0;
        var count = 0;
        while (reader.Read())
        {
            for (var c = 0; c < width; c++)
            {
                buffer[(count * width) + c] = reader.GetFloat(ordinals[c]);
            }

            if (++count == _batch)
            {
                rows += Run(buffer, count, width, output);
                count = 0;
            }
        }

        return rows + (count > 0 ? Run(buffer, count, width, output) : 0);
    }

    public void Dispose()
    {
        foreach (var session in _sessions)
        {
            session.Dispose();
        }
    }

    private int Run(float[] buffer, int count, int width, StreamWriter output)
    {
        using var run = new RunOptions();
        var input = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, buffer.AsMemory(0, count * width), [count, width]);
        var owned = new List<IDisposable> { input };
        try
        {
            IReadOnlyList<OrtValue> values = [input];
            IDisposableReadOnlyCollection<OrtValue>? outputs = null;
            foreach (var session in _sessions)
            {
                outputs = session.Run(run, [session.InputNames[0]], values, session.OutputNames);
                owned.Add(outputs);
                values = outputs;
            }

            Write(outputs!, count, output);
            return count;
        }
        finally
        {
            owned.ForEach(o => o.Dispose());
        }
    }

    private static void Write(IReadOnlyList<OrtValue> outputs, int count, StreamWriter output)
    {
        foreach (var value in outputs)
        {
            if (value.IsTensor)
            {
                var info = value.GetTensorTypeAndShape();
                if (info.ElementDataType == TensorElementType.Int64)
                {
                    foreach (var v in value.GetTensorDataAsSpan<long>())
                    {
                        output.Write(v);
                    }
                }
                else
                {
                    foreach (var v in value.GetTensorDataAsSpan<float>())
                    {
                        output.Write(v.ToString(CultureInfo.InvariantCulture));
                    }
                }

                continue;
            }

            for (var i = 0; i < count; i++)
            {
                using var map = value.GetValue(i, OrtAllocator.DefaultInstance);
                using var probabilities = map.GetValue(1, OrtAllocator.DefaultInstance);
                foreach (var p in probabilities.GetTensorDataAsSpan<float>())
                {
                    output.Write(p.ToString(CultureInfo.InvariantCulture));
                }
            }
        }
    }
}
