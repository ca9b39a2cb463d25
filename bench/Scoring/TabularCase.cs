using System.Globalization;
using System.Text.Json;
using Microsoft.ML.OnnxRuntime;
using OrleansBatch.Scoring;

namespace OrleansBatch.Bench.Scoring;

/// <summary>A tabular scorer over a whole file, against Run on float tensors of the same rows built in advance and, for CSV, the hand-written Sylvan + ORT loop.</summary>
internal static class TabularCase
{
    public static Measurement Run(OnnxRuntime runtime, BenchOptions options, string name, string[] models, string dataPath)
    {
        var scoringOptions = new OnnxScoringOptions { BatchRows = options.BatchRows, ConcurrentWorkers = 1 };
        var threading = SessionThreading.ForWorkers(1, Environment.ProcessorCount);
        using var scorer = new OnnxScorer(runtime, new ScorerSpec(name, models), scoringOptions, threading);
        var slice = new InputSlice(dataPath, Path.GetFileName(dataPath));
        Action scoreAll = () =>
        {
            var result = scorer.Score(slice, new CountingSink());
            if (result.RowsScored != options.Rows)
            {
                throw new InvalidOperationException($"{name}: scored {result.RowsScored} rows, {result.RowsFailed} failed: {result.Errors.FirstOrDefault()?.Message}");
            }
        };

        var rows = Load(dataPath);
        var width = rows[0].Length;
        var values = new List<OrtValue>();
        for (var start = 0; start < rows.Count; start += options.BatchRows)
        {
            var count = Math.Min(options.BatchRows, rows.Count - start);
            var buffer = new float[count * width];
            for (var r = 0; r < count; r++)
            {
                rows[start + r].CopyTo(buffer, r * width);
            }

            values.Add(OrtValue.CreateTensorValueFromMemory(buffer, [count, width]));
        }

        var pipeline = scorer.Pipeline;
        Action bare = () => BareLoop.Run(pipeline, values);
        double[] rates;
        if (dataPath.EndsWith(".csv", StringComparison.Ordinal))
        {
            using var hand = new HandCsvLoop(models, options.BatchRows);
            rates = Measurement.Compare(options.Repetitions, options.Rows, scoreAll, bare, () => hand.Score(dataPath));
        }
        else
        {
            rates = Measurement.Compare(options.Repetitions, options.Rows, scoreAll, bare);
        }

        values.ForEach(v => v.Dispose());
        var measurement = new Measurement(name, rates[0], rates[1], rates.Length > 2 ? rates[2] : null, null);
        measurement.Print();
        return measurement;
    }

    private static List<float[]> Load(string path)
    {
        var json = path.EndsWith(".jsonl", StringComparison.Ordinal);
        var lines = File.ReadLines(path).Skip(json ? 0 : 1).Where(l => l.Length > 0);
        return lines.Select(l => json
                ? JsonDocument.Parse(l).RootElement.EnumerateObject().Select(p => p.Value.GetSingle()).ToArray()
                : l.Split(',').Select(v => float.Parse(v, CultureInfo.InvariantCulture)).ToArray())
            .ToList();
    }
}
