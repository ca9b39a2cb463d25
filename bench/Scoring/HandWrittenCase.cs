using Microsoft.ML.OnnxRuntime;
using OrleansBatch.Scoring;
using OrleansBatch.Scoring.Tabular;
using Parquet;
using Sylvan.Data.Csv;

namespace OrleansBatch.Bench.Scoring;

/// <summary>
/// Our tabular scorer (CSV and Parquet, columns matched by name) against what a .NET user would write by hand on
/// the same rows: Sylvan.Data.Csv (or Parquet.Net) filling a float batch, then the ONNX Runtime managed API's
/// <c>Run</c> for each graph of the pipeline, with the same batch size and intra-op threads. The hand-written loop
/// runs the models as they are and reads the labels only; our scorer also formats every output column. A parse-only
/// pair (our CSV parser vs Sylvan, no Run) shows whether our own parser earns its place.
/// </summary>
internal static class HandWrittenCase
{
    public static void Run(OrleansBatch.Scoring.OnnxRuntime runtime, BenchOptions options, string[] models, string csv, string parquet)
    {
        var threading = SessionThreading.ForWorkers(1, Environment.ProcessorCount);
        var scoringOptions = new OnnxScoringOptions { BatchRows = options.BatchRows, ConcurrentWorkers = 1 };
        var features = File.ReadLines(csv).First().Split(',');
        using var scorer = new OnnxScorer(runtime, new ScorerSpec("hand", models, TabularColumns.Of(features, null)), scoringOptions, threading);
        Action Ours(string path) => () =>
        {
            var result = scorer.Score(new InputSlice(path, Path.GetFileName(path)), new CountingSink());
            if (result.RowsScored != options.Rows)
            {
                throw new InvalidOperationException($"scored {result.RowsScored} rows: {result.Errors.FirstOrDefault()?.Message}");
            }
        };

        using var sessionOptions = new SessionOptions { IntraOpNumThreads = threading.IntraOpThreads, InterOpNumThreads = 1, ExecutionMode = ExecutionMode.ORT_SEQUENTIAL };
        using var chain = new HandWrittenPipeline(models, sessionOptions, options.BatchRows, features.Length);

        void Sylvan()
        {
            using var reader = CsvDataReader.Create(csv);
            while (reader.Read())
            {
                var row = chain.NextRow();
                for (var c = 0; c < row.Length; c++)
                {
                    row[c] = reader.GetFloat(c);
                }

                chain.RowDone();
            }

            chain.Finish(options.Rows);
        }

        void ParquetNet() => ParquetNetAsync().GetAwaiter().GetResult();

        async Task ParquetNetAsync()
        {
            await using var stream = File.OpenRead(parquet);
            await using var reader = await ParquetReader.CreateAsync(stream);
            var fields = reader.Schema.GetDataFields();
            var columns = new double[fields.Length][];
            for (var g = 0; g < reader.RowGroupCount; g++)
            {
                using var group = reader.OpenRowGroupReader(g);
                var rows = (int)group.RowCount;
                for (var c = 0; c < fields.Length; c++)
                {
                    if (columns[c] is null || columns[c].Length < rows)
                    {
                        columns[c] = new double[rows];
                    }

                    await group.ReadAsync<double>(fields[c], columns[c].AsMemory(0, rows));
                }

                for (var r = 0; r < rows; r++)
                {
                    var row = chain.NextRow();
                    for (var c = 0; c < row.Length; c++)
                    {
                        row[c] = (float)columns[c][r];
                    }

                    chain.RowDone();
                }
            }

            chain.Finish(options.Rows);
        }

        Console.WriteLine();
        Console.WriteLine($"{"tabular, same rows, 1 worker",-34} {"ours rows/s",14} {"by hand rows/s",16} {"ratio",6}");
        var csvRates = Measurement.Compare(options.Repetitions, options.Rows, Ours(csv), Sylvan);
        Line("CSV: ours vs Sylvan + ORT", csvRates[0], csvRates[1]);
        var parquetRates = Measurement.Compare(options.Repetitions, options.Rows, Ours(parquet), ParquetNet);
        Line("Parquet: ours vs Parquet.Net + ORT", parquetRates[0], parquetRates[1]);
        Line("ours: Parquet vs CSV", parquetRates[0], csvRates[0]);
        Console.WriteLine($"{"",-34} CPU µs per row: ours CSV {Measurement.CpuPerRow(options, Ours(csv)):F2}, ours Parquet {Measurement.CpuPerRow(options, Ours(parquet)):F2}, Sylvan + ORT {Measurement.CpuPerRow(options, Sylvan):F2}, Parquet.Net + ORT {Measurement.CpuPerRow(options, ParquetNet):F2}");
        var parseRates = Measurement.Compare(options.Repetitions, options.Rows, () => ParseOurs(csv, features.Length), () => ParseSylvan(csv, features.Length));
        Line("CSV parse only: ours vs Sylvan", parseRates[0], parseRates[1]);
    }

    private static void Line(string name, double ours, double byHand) =>
        Console.WriteLine($"{name,-34} {ours,14:N0} {byHand,16:N0} {ours / byHand,6:0.00}");

    /// <summary>Our reader and one-pass parser into a float row (the scorer's fast path), no Run.</summary>
    private static void ParseOurs(string csv, int width)
    {
        var offsets = Enumerable.Range(0, width).ToArray();
        var row = new float[width];
        using var reader = new SliceLineReader(csv, 0, -1, 1 << 20);
        reader.Next(out _);
        while (reader.Next(out var line) != LineKind.End)
        {
            if (!PlainCsvRow.TryFill(line, row, offsets))
            {
                throw new InvalidDataException("not a plain row");
            }
        }
    }

    private static void ParseSylvan(string csv, int width)
    {
        var row = new float[width];
        using var reader = CsvDataReader.Create(csv);
        while (reader.Read())
        {
            for (var c = 0; c < width; c++)
            {
                row[c] = reader.GetFloat(c);
            }
        }
    }
}
