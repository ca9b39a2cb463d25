using OrleansBatch.Scoring;
using OrleansBatch.Scoring.Models;
using OrleansBatch.Scoring.Tabular;

namespace OrleansBatch.Bench.Scoring;

/// <summary>
/// Where a tabular scorer's time goes: reading lines, parsing fields into the input buffers (or reading the Parquet
/// columns: Parquet.Net alone, then ours), Run, reading outputs, formatting.
/// </summary>
internal static class BreakdownCase
{
    public static void Run(OnnxRuntime runtime, BenchOptions options, string[] models, string csv, string? parquet = null)
    {
        var scoringOptions = new OnnxScoringOptions { BatchRows = options.BatchRows, ConcurrentWorkers = 1 };
        using var scorer = new OnnxScorer(runtime, new ScorerSpec("breakdown", models), scoringOptions, SessionThreading.ForWorkers(1, Environment.ProcessorCount));
        var pipeline = scorer.Pipeline;
        var header = File.ReadLines(csv).First().Split(',');
        var binding = TabularBinding.TryBind(pipeline.Inputs, header, header.Select(_ => true).ToArray(), TabularColumns.None, options.BatchRows, false, out _)!;
        var tensor = binding.Tensors[0];
        var scratch = new FieldScratch();

        void Lines()
        {
            using var reader = new SliceLineReader(csv, 0, -1, scoringOptions.MaxLineBytes);
            while (reader.Next(out _) != LineKind.End)
            {
            }
        }

        void Parse()
        {
            using var reader = new SliceLineReader(csv, 0, -1, scoringOptions.MaxLineBytes);
            reader.Next(out _);
            var slot = 0;
            while (reader.Next(out var line) != LineKind.End)
            {
                if (!PlainCsvRow.TryFill(line, tensor.FloatItem(slot), binding.PlainFloatOffsets))
                {
                    var cursor = new CsvFieldCursor(line, scratch);
                    var field = 0;
                    while (cursor.TryNext(out var text, out _))
                    {
                        tensor.TrySetText(slot, field++, text, out _);
                    }
                }

                slot = (slot + 1) % tensor.Capacity;
            }
        }

        var layout = OutputLayout.Probe(pipeline, [tensor]);
        var outputs = new BatchOutputs(layout, tensor.Capacity);
        var line = new CsvLine();
        var batches = (options.Rows + tensor.Capacity - 1) / tensor.Capacity;

        void RunOnly(bool read, bool format)
        {
            for (var b = 0; b < batches; b++)
            {
                using var value = tensor.CreateValue(tensor.Capacity);
                using var result = pipeline.Run([value]);
                if (read)
                {
                    outputs.Load(result, tensor.Capacity);
                }

                if (format)
                {
                    for (var r = 0; r < tensor.Capacity; r++)
                    {
                        line.Clear();
                        outputs.WriteRow(r, line);
                    }
                }
            }
        }

        if (parquet is not null)
        {
            Console.WriteLine($"breakdown, Parquet (rows/s): Parquet.Net ReadAsync of every column {Measurement.BestRate(options.Repetitions, options.Rows, () => ReadParquetNet(parquet)):N0}; " +
                $"ours (ParquetColumn) {Measurement.BestRate(options.Repetitions, options.Rows, () => ReadOurs(parquet)):N0}");
        }

        var rows = (long)batches * tensor.Capacity;
        Console.WriteLine($"breakdown (rows/s): lines {Measurement.BestRate(options.Repetitions, options.Rows, Lines):N0}; " +
            $"lines+parse {Measurement.BestRate(options.Repetitions, options.Rows, Parse):N0}; " +
            $"Run {Measurement.BestRate(options.Repetitions, rows, () => RunOnly(false, false)):N0}; " +
            $"Run+read outputs {Measurement.BestRate(options.Repetitions, rows, () => RunOnly(true, false)):N0}; " +
            $"Run+read+format {Measurement.BestRate(options.Repetitions, rows, () => RunOnly(true, true)):N0}");
    }

    private static void ReadParquetNet(string path)
    {
        using var input = ParquetSlices.Open(path);
        var fields = input.Reader.Schema.GetDataFields();
        var buffer = Array.Empty<double>();
        foreach (var group in input.Reader.RowGroups)
        {
            var rows = (int)group.RowCount;
            buffer = buffer.Length < rows ? new double[rows] : buffer;
            foreach (var field in fields)
            {
                group.ReadAsync<double>(field, buffer.AsMemory(0, rows)).GetAwaiter().GetResult();
            }
        }
    }

    private static void ReadOurs(string path)
    {
        using var input = ParquetSlices.Open(path);
        var columns = input.Reader.Schema.GetDataFields().Select(f => new ParquetColumn(f)).ToArray();
        var all = Enumerable.Range(0, columns.Length).ToArray();
        foreach (var group in input.Reader.RowGroups)
        {
            ParquetColumn.ReadGroup(group, columns, all);
        }
    }
}
