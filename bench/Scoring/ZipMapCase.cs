using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using OrleansBatch.Scoring;
using OrleansBatch.Scoring.Models;

namespace OrleansBatch.Bench.Scoring;

/// <summary>
/// Whether unwrapping ZipMap at load still pays with the managed API: Run + reading the class probabilities of
/// every row, as seq(map) through the managed API (the model as it is) and as the [N, classes] tensor (unwrapped).
/// </summary>
internal static class ZipMapCase
{
    public static void Run(OnnxRuntime runtime, BenchOptions options, string model, string csv)
    {
        var threading = SessionThreading.ForWorkers(1, Environment.ProcessorCount);
        using var maps = new OnnxSession(runtime, model, threading);
        using var tensors = new OnnxSession(runtime, model, threading, ZipMapUnwrapper.TryUnwrap(File.ReadAllBytes(model))!.Value.Model);
        var rows = File.ReadLines(csv).Skip(1).Take(options.BatchRows)
            .SelectMany(l => l.Split(',').Select(v => float.Parse(v, System.Globalization.CultureInfo.InvariantCulture))).ToArray();
        var count = options.BatchRows;
        var width = rows.Length / count;
        using var input = OrtValue.CreateTensorValueFromMemory(rows, [count, width]);
        var destination = new double[count * 3];
        var probabilities = new float[count * 3];
        var batches = Math.Max(1, options.Rows / count);

        void RunMaps()
        {
            using var run = new RunOptions();
            for (var b = 0; b < batches; b++)
            {
                using var outputs = maps.Run([input], run);
                MapSequence.ReadValues(outputs[1], count, 3, TensorElementType.Float, destination);
            }
        }

        void RunTensor()
        {
            using var run = new RunOptions();
            for (var b = 0; b < batches; b++)
            {
                using var outputs = tensors.Run([input], run);
                outputs[1].GetTensorDataAsSpan<float>().CopyTo(probabilities);
            }
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        RunMaps();
        var mapBytes = (GC.GetAllocatedBytesForCurrentThread() - before) / batches;
        before = GC.GetAllocatedBytesForCurrentThread();
        RunTensor();
        var tensorBytes = (GC.GetAllocatedBytesForCurrentThread() - before) / batches;
        var rates = Measurement.Compare(options.Repetitions, (long)batches * count, RunMaps, RunTensor);
        Console.WriteLine($"ZipMap (tree-ensemble, Run + read probabilities): seq(map) {rates[0]:N0} rows/s, {mapBytes / 1024:N0} KB managed per {count} rows; " +
            $"unwrapped [N,3] tensor {rates[1]:N0} rows/s, {tensorBytes / 1024:N0} KB; ratio {rates[1] / rates[0]:F2}");
    }
}
