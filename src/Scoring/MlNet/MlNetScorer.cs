using Microsoft.ML.Data;
using OrleansBatch.Scoring.Tabular;

namespace OrleansBatch.Scoring.MlNet;

/// <summary>
/// Scores CSV, JSON-lines and Parquet slices with an ML.NET model. Each input column of the model's schema is
/// taken from the file's column of that name (a vector column of K values from <c>name_0..name_{K-1}</c>, or from
/// <c>input_columns</c>); a <c>Label</c> column the data lacks is fed as missing. Every value is parsed and checked
/// straight into typed column buffers (an empty or non-numeric cell is an <c>InvalidValue</c> item error, never a
/// silent NaN), which the model's transformer reads as a data view (<see cref="MlNetBatchView"/>).
/// </summary>
internal sealed class MlNetScorer : ICachedScorer
{
    /// <summary>Rows per Transform at most: each Transform builds a cursor chain, so batches are larger than ONNX's.</summary>
    private const int MaxBatchRows = 16 * 1024;

    private readonly MlNetModel _model;
    private readonly ScorerSpec _spec;
    private readonly OnnxScoringOptions _options;

    /// <exception cref="ModelLoadException">ML.NET cannot load the model.</exception>
    public MlNetScorer(ScorerSpec spec, OnnxScoringOptions options)
    {
        _spec = spec;
        _options = options;
        _model = new MlNetModel(spec.ModelPaths[0]);
        OutputColumns = _model.Outputs.SelectMany(o => o.Columns).ToArray();
    }

    public IReadOnlyList<string> OutputColumns { get; }

    public ScoreResult Score(InputSlice slice, IPredictionSink sink, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(slice);
        var errors = new SliceErrors(slice.FileName);
        var extension = Path.GetExtension(slice.FileName).ToLowerInvariant();
        var json = extension is ".jsonl" or ".json" or ".ndjson";
        var parquet = extension == ParquetSlices.Extension;
        if (!json && !parquet && extension != ".csv")
        {
            errors.Add(0, null, (string?)null, ItemErrorCodes.UnreadableFile, $"'{extension}' files cannot be scored by an ML.NET model; use CSV (with a header row), JSON lines or Parquet.");
            return new ScoreResult(0, 1, errors.ToList());
        }

        if (slice.Length == 0)
        {
            return new ScoreResult(0, 0, []);
        }

        var scored = parquet
            ? MlNetParquetRows.Score(this, slice, errors, sink, cancellationToken)
            : MlNetTextRows.Score(this, slice, json, errors, sink, cancellationToken);
        return new ScoreResult(scored, errors.Count, errors.ToList());
    }

    public void Retire()
    {
    }

    public void Dispose()
    {
    }

    internal OnnxScoringOptions Options => _options;

    internal IReadOnlyList<MlNetInput> Inputs => _model.Inputs;

    /// <summary>A batch for a slice of about <paramref name="bytes"/> bytes: no larger than the slice can fill.</summary>
    internal MlNetBatch CreateBatch(long bytes, int[][] sources)
    {
        var capacity = (int)Math.Clamp(bytes / 64, _options.BatchRows, MaxBatchRows);
        var absent = sources.SelectMany((elements, input) => elements.Select((source, element) => (source, input, element)))
            .Where(s => s.source < 0).Select(s => (s.input, s.element)).ToList();
        return new MlNetBatch(_model, capacity, absent);
    }

    /// <summary>
    /// For each model input, the file columns that feed its elements (-1: a label the file lacks, fed as missing);
    /// <paramref name="missing"/> names the first input no column feeds.
    /// </summary>
    internal int[][] Bind(IReadOnlyList<string> names, out string? missing)
    {
        missing = null;
        var result = new int[_model.Inputs.Count][];
        for (var i = 0; i < result.Length; i++)
        {
            var input = _model.Inputs[i];
            int[] found = input.Width == 1
                ? [IndexOf(names, input.Name)]
                : _spec.Columns?.InputColumns is { Count: > 0 } listed && listed.Count == input.Width && _model.Inputs.Count(x => x.Width > 1) == 1
                    ? listed.Select(n => IndexOf(names, n)).ToArray()
                    : Enumerable.Range(0, input.Width).Select(k => IndexOf(names, $"{input.Name}_{k}")).ToArray();
            if (found.Any(f => f < 0) && !input.IsLabel)
            {
                missing ??= input.Width == 1 ? input.Name : $"{input.Name} (as {input.Name}_0..{input.Name}_{input.Width - 1}, or settings.input_columns)";
            }

            result[i] = found;
        }

        return result;
    }

    /// <summary>The error of a file that lacks an input column: one for the slice, as none of its rows can score.</summary>
    internal static void Mismatch(SliceErrors errors, string missing, IEnumerable<string> names) =>
        errors.Add(null, missing, (string?)null, ItemErrorCodes.ColumnMismatch,
            $"The model's input column '{missing}' is not in the file; its columns are {string.Join(", ", names)}.");

    private static int IndexOf(IReadOnlyList<string> names, string name)
    {
        for (var i = 0; i < names.Count; i++)
        {
            if (names[i] == name)
            {
                return i;
            }
        }

        for (var i = 0; i < names.Count; i++)
        {
            if (string.Equals(names[i], name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }
}
