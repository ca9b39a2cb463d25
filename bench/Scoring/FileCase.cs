using Microsoft.ML.OnnxRuntime;
using OrleansBatch.Scoring;
using OrleansBatch.Scoring.Files;
using SkiaSharp;

namespace OrleansBatch.Bench.Scoring;

/// <summary>
/// The file scorer over many image/array files, against Run on tensors of the same decoded files built in advance,
/// and against decoding alone (SkiaSharp's <c>SKBitmap.Decode</c> for images, the .npy reader for arrays).
/// </summary>
internal static class FileCase
{
    public static Measurement Run(OnnxRuntime runtime, BenchOptions options, string name, string[] models, string[] files)
    {
        var scoringOptions = new OnnxScoringOptions { ConcurrentWorkers = 1 };
        var threading = SessionThreading.ForWorkers(1, Environment.ProcessorCount);
        using var scorer = new OnnxScorer(runtime, new ScorerSpec(name, models, InputMode: ScorerInputMode.Files), scoringOptions, threading);
        var slices = files.Select(f => new InputSlice(f, Path.GetFileName(f))).ToArray();
        Action scoreAll = () =>
        {
            var result = scorer.ScoreFiles(slices, new CountingSink());
            if (result.RowsScored != files.Length)
            {
                throw new InvalidOperationException($"{name}: scored {result.RowsScored} of {files.Length}: {result.Errors.FirstOrDefault()?.Message}");
            }
        };

        const int width = 64;
        var npy = files[0].EndsWith(".npy", StringComparison.Ordinal);
        var batch = scoringOptions.BatchFiles;
        var values = new List<OrtValue>();
        for (var start = 0; start < files.Length; start += batch)
        {
            var count = Math.Min(batch, files.Length - start);
            var buffer = new float[count * width];
            for (var i = 0; i < count; i++)
            {
                var file = files[start + i];
                var pixels = npy
                    ? NpyReader.ReadFile(file).ToSingleArray()
                    : ImageChannels.Convert(ImageDecoder.DecodeFile(file), 1).Select(p => (float)p).ToArray();
                pixels.CopyTo(buffer, i * width);
            }

            values.Add(OrtValue.CreateTensorValueFromMemory(buffer, [count, 1, 8, 8]));
        }

        var pipeline = scorer.Pipeline;
        Action bare = () => BareLoop.Run(pipeline, values);
        Action decodeOnly = npy
            ? () => Array.ForEach(files, f => NpyReader.ReadFile(f))
            : () => Array.ForEach(files, f => SKBitmap.Decode(f).Dispose());

        var rates = Measurement.Compare(options.Repetitions, files.Length, scoreAll, bare, decodeOnly);

        values.ForEach(v => v.Dispose());
        var measurement = new Measurement(name, rates[0], rates[1], rates[2], null);
        measurement.Print();
        // Managed bytes per file, ours against decoding alone: steady where timings on a shared machine are not.
        Console.WriteLine($"{"",-34} managed bytes per file: scorer {AllocatedPerFile(scoreAll, files.Length):N0}, decode only {AllocatedPerFile(decodeOnly, files.Length):N0}");
        return measurement;
    }

    private static long AllocatedPerFile(Action run, int files)
    {
        var before = GC.GetTotalAllocatedBytes(precise: true);
        run();
        return (GC.GetTotalAllocatedBytes(precise: true) - before) / files;
    }
}
