using Microsoft.ML;
using Microsoft.ML.Data;
using OrleansBatch.Scoring;

namespace OrleansBatch.Bench.Scoring;

/// <summary>
/// The ML.NET scorer on the sample ML.NET model (CSV, and the same rows as Parquet), against ML.NET's own TextLoader +
/// Transform on the CSV reading every output of every row.
/// </summary>
internal static class MlNetCase
{
    public static Measurement Run(OnnxRuntime runtime, BenchOptions options, string model, string csv, string parquet)
    {
        using var factory = new OnnxScorerFactory(runtime, new OnnxScoringOptions { BatchRows = options.BatchRows, ConcurrentWorkers = 1 });
        var scorer = factory.GetOrCreate(new ScorerSpec("mlnet", [model]));
        Action ScoreAll(string path) => () =>
        {
            var result = scorer.Score(new InputSlice(path, Path.GetFileName(path)), new CountingSink());
            if (result.RowsScored != options.Rows)
            {
                throw new InvalidOperationException($"ML.NET: scored {result.RowsScored} rows: {result.Errors.FirstOrDefault()?.Message}");
            }
        };

        var ml = new MLContext(seed: 0);
        var transformer = ml.Model.Load(model, out var schema);
        var header = File.ReadLines(csv).First().Split(',');
        var columns = header.Select((n, i) => new TextLoader.Column(n, DataKind.Single, i)).Append(new TextLoader.Column("Label", DataKind.Boolean, header.Length)).ToArray();
        Action mlnet = () =>
        {
            var scored = transformer.Transform(ml.Data.LoadFromTextFile(csv, columns, separatorChar: ',', hasHeader: true));
            using var cursor = scored.GetRowCursor(scored.Schema.Where(c => c.Name is "PredictedLabel" or "Score" or "Probability"));
            var label = cursor.GetGetter<bool>(scored.Schema["PredictedLabel"]);
            var score = cursor.GetGetter<float>(scored.Schema["Score"]);
            var probability = cursor.GetGetter<float>(scored.Schema["Probability"]);
            bool l = default;
            float s = default, p = default;
            while (cursor.MoveNext())
            {
                label(ref l);
                score(ref s);
                probability(ref p);
            }
        };

        var rates = Measurement.Compare(options.Repetitions, options.Rows, ScoreAll(csv), mlnet, ScoreAll(parquet));
        var measurement = new Measurement("ML.NET FastTree zip, CSV", rates[0], null, null, rates[1]);
        measurement.Print();
        new Measurement("ML.NET FastTree zip, Parquet", rates[2], null, null, rates[1]).Print();
        // CPU time per row (all threads of the process, best of the rounds): steadier than wall time on a shared machine.
        Console.WriteLine($"{"",-34} CPU µs per row: scorer CSV {Measurement.CpuPerRow(options, ScoreAll(csv)):F2}, ML.NET's own {Measurement.CpuPerRow(options, mlnet):F2}, scorer Parquet {Measurement.CpuPerRow(options, ScoreAll(parquet)):F2}");
        return measurement;
    }
}
