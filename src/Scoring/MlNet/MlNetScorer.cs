using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.ML;
using Microsoft.ML.Data;
using OrleansBatch.Scoring.Models;
using OrleansBatch.Scoring.Tabular;

namespace OrleansBatch.Scoring.MlNet;

/// <summary>
/// Scores CSV and JSON-lines slices with an ML.NET model. Each input column of the model's schema is taken from
/// the file's column of that name (a vector column of K values from <c>name_0..name_{K-1}</c>, or from
/// <c>input_columns</c>); a <c>Label</c> column the data lacks is fed as missing. Every value is checked (an empty
/// or non-numeric cell is an <c>InvalidValue</c> item error, never a silent NaN), then the checked rows of a batch
/// are handed to ML.NET's <c>TextLoader</c> from memory and run through the model's transformer.
/// </summary>
internal sealed class MlNetScorer : ICachedScorer
{
    /// <summary>Rows per Transform: each Load + Transform sets up a parser and a cursor chain (measured: 16k rows per Transform ran at about 0.6 of 98k), so batches are much larger than ONNX's.</summary>
    private const int MinBatchRows = 64 * 1024;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;
    private readonly MlNetModel _model;
    private readonly ScorerSpec _spec;
    private readonly OnnxScoringOptions _options;
    private readonly TextLoader _loader;

    /// <exception cref="ModelLoadException">ML.NET cannot load the model.</exception>
    public MlNetScorer(ScorerSpec spec, OnnxScoringOptions options)
    {
        _spec = spec;
        _options = options;
        _model = new MlNetModel(spec.ModelPaths[0]);
        var columns = new List<TextLoader.Column>();
        var index = 0;
        foreach (var input in _model.Inputs)
        {
            columns.Add(input.Width == 1
                ? new TextLoader.Column(input.Name, input.Kind, index)
                : new TextLoader.Column(input.Name, input.Kind, index, index + input.Width - 1));
            index += input.Width;
        }

        _loader = _model.Context.Data.CreateTextLoader(new TextLoader.Options
        {
            Columns = [.. columns],
            Separators = ['\t'],
            HasHeader = false,
            AllowQuoting = true,
        });
        OutputColumns = _model.Outputs.SelectMany(o => o.Columns).ToArray();
    }

    public IReadOnlyList<string> OutputColumns { get; }

    public ScoreResult Score(InputSlice slice, IPredictionSink sink, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(slice);
        var errors = new SliceErrors(slice.FileName);
        var extension = Path.GetExtension(slice.FileName).ToLowerInvariant();
        var json = extension is ".jsonl" or ".json" or ".ndjson";
        if (!json && extension != ".csv")
        {
            errors.Add(0, null, (string?)null, ItemErrorCodes.UnreadableFile, $"'{extension}' files cannot be scored by an ML.NET model; use CSV (with a header row) or JSON lines.");
            return new ScoreResult(0, 1, errors.ToList());
        }

        if (slice.Length == 0)
        {
            return new ScoreResult(0, 0, []);
        }

        using var reader = new SliceLineReader(slice.Path, slice.Offset, slice.Length, _options.MaxLineBytes);
        int[][]? sources = null;
        if (!json)
        {
            var header = slice.Offset == 0 ? (reader.Next(out var first) == LineKind.Line ? first.ToArray() : null) : SliceLineReader.ReadFirstLine(slice.Path, _options.MaxLineBytes);
            if (header is null)
            {
                errors.Add(null, null, (string?)null, ItemErrorCodes.EmptyInput, "The file is empty: a CSV input needs a header row naming its columns.");
                return new ScoreResult(0, 0, errors.ToList());
            }

            var names = Fields(header.AsSpan().StartsWith("\uFEFF"u8) ? header.AsSpan(3) : header, new FieldScratch(), out _).Select(n => n.Trim()).ToList();
            sources = Bind(names, out var missing);
            if (missing is not null)
            {
                errors.Add(null, missing, (string?)null, ItemErrorCodes.ColumnMismatch,
                    $"The model's input column '{missing}' is not in the file; its columns are {string.Join(", ", names)}.");
                return new ScoreResult(0, 0, errors.ToList());
            }
        }

        var batch = new StringBuilder();
        var batchRows = Math.Max(_options.BatchRows, MinBatchRows);
        var ids = new List<long>(batchRows);
        var scratch = new FieldScratch();
        long row = 0, scored = 0;
        LineKind kind;
        while ((kind = reader.Next(out var line)) != LineKind.End)
        {
            if (kind == LineKind.TooLong)
            {
                errors.Add(row++, null, (string?)null, ItemErrorCodes.LineTooLong, $"The line is {reader.TooLongLength:N0} bytes, longer than the {_options.MaxLineBytes:N0}-byte limit; it was skipped.");
                continue;
            }

            if (line.IsEmpty)
            {
                continue;
            }

            var current = row++;
            var written = batch.Length;
            var ok = json ? TryWriteJson(line, batch, current, errors) : TryWriteCsv(line, sources!, scratch, batch, current, errors);
            if (!ok)
            {
                batch.Length = written;
                continue;
            }

            ids.Add(current);
            if (ids.Count == batchRows)
            {
                scored += Flush(batch, ids, sink);
                cancellationToken.ThrowIfCancellationRequested();
            }
        }

        scored += Flush(batch, ids, sink);
        return new ScoreResult(scored, errors.Count, errors.ToList());
    }

    public void Retire()
    {
    }

    public void Dispose()
    {
    }

    /// <summary>For each model input, the file columns that feed it (-1: a missing label, fed as missing); <paramref name="missing"/> names the first input no column feeds.</summary>
    private int[][] Bind(List<string> names, out string? missing)
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

    private static int IndexOf(List<string> names, string name)
    {
        var exact = names.IndexOf(name);
        return exact >= 0 ? exact : names.FindIndex(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase));
    }

    private bool TryWriteCsv(ReadOnlySpan<byte> line, int[][] sources, FieldScratch scratch, StringBuilder batch, long row, SliceErrors errors)
    {
        var fields = Fields(line, scratch, out var malformed);
        if (malformed)
        {
            errors.Add(row, null, line, ItemErrorCodes.MalformedRow, "The row has a broken quote.");
            return false;
        }

        var first = true;
        for (var i = 0; i < sources.Length; i++)
        {
            foreach (var source in sources[i])
            {
                if (source >= fields.Count && source >= 0)
                {
                    errors.Add(row, null, line, ItemErrorCodes.MalformedRow, $"The row has {fields.Count} fields; the header has more.");
                    return false;
                }

                if (!TryWrite(_model.Inputs[i], source < 0 ? null : fields[source], first, batch, row, errors))
                {
                    return false;
                }

                first = false;
            }
        }

        batch.Append('\n');
        return true;
    }

    private bool TryWriteJson(ReadOnlySpan<byte> line, StringBuilder batch, long row, SliceErrors errors)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line.ToArray());
        }
        catch (JsonException e)
        {
            errors.Add(row, null, line, ItemErrorCodes.InvalidJson, $"The line is not JSON: {e.Message}");
            return false;
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                errors.Add(row, null, line, ItemErrorCodes.InvalidJson, "The line is not a JSON object.");
                return false;
            }

            var first = true;
            foreach (var input in _model.Inputs)
            {
                for (var k = 0; k < input.Width; k++)
                {
                    var name = input.Width == 1 ? input.Name : $"{input.Name}_{k}";
                    string? text = null;
                    if (Property(document.RootElement, name) is { } value)
                    {
                        text = value.ValueKind switch
                        {
                            JsonValueKind.String => value.GetString(),
                            JsonValueKind.Number => value.GetRawText(),
                            JsonValueKind.True => "true",
                            JsonValueKind.False => "false",
                            _ => string.Empty,
                        };
                    }
                    else if (!input.IsLabel)
                    {
                        errors.Add(row, name, (string?)null, ItemErrorCodes.InvalidJson, $"The line has no '{name}', an input column of the model.");
                        return false;
                    }

                    if (!TryWrite(input, text, first, batch, row, errors))
                    {
                        return false;
                    }

                    first = false;
                }
            }

            batch.Append('\n');
            return true;
        }
    }

    private static JsonElement? Property(JsonElement obj, string name)
    {
        if (obj.TryGetProperty(name, out var exact))
        {
            return exact;
        }

        foreach (var p in obj.EnumerateObject())
        {
            if (string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return p.Value;
            }
        }

        return null;
    }

    /// <summary>Checks one value against the column's kind and appends it to the batch text; null is a missing label (left empty).</summary>
    private static bool TryWrite(MlNetInput input, string? value, bool first, StringBuilder batch, long row, SliceErrors errors)
    {
        if (!first)
        {
            batch.Append('\t');
        }

        if (value is null)
        {
            return true;
        }

        var text = value.Trim();
        switch (input.Kind)
        {
            case DataKind.String:
                batch.Append('"').Append(value.Replace("\"", "\"\"", StringComparison.Ordinal).Replace('\t', ' ').Replace('\n', ' ').Replace('\r', ' ')).Append('"');
                return true;
            case DataKind.Boolean when TryBool(text, out var b):
                batch.Append(b ? "true" : "false");
                return true;
            case DataKind.Single or DataKind.Double when double.TryParse(text, NumberStyles.Float, Invariant, out _):
                batch.Append(text); // checked above; TextLoader parses the same invariant text
                return true;
            case DataKind.Int32 or DataKind.Int64 when long.TryParse(text, NumberStyles.Integer, Invariant, out var l):
                batch.Append(l.ToString(Invariant));
                return true;
        }

        errors.Add(row, input.Name, value, ItemErrorCodes.InvalidValue, text.Length == 0
            ? $"The cell of '{input.Name}' is empty; the model needs a {input.TypeName} value."
            : $"'{value}' is not a {input.TypeName} value for the model's column '{input.Name}'.");
        return false;
    }

    private static bool TryBool(string text, out bool value)
    {
        value = text == "1";
        return text is "0" or "1" || bool.TryParse(text, out value);
    }

    private static List<string> Fields(ReadOnlySpan<byte> line, FieldScratch scratch, out bool malformed)
    {
        var fields = new List<string>();
        malformed = false;
        var cursor = new CsvFieldCursor(line, scratch);
        while (cursor.TryNext(out var field, out var broken))
        {
            malformed |= broken;
            fields.Add(Encoding.UTF8.GetString(field));
        }

        return fields;
    }

    private long Flush(StringBuilder batch, List<long> ids, IPredictionSink sink)
    {
        if (ids.Count == 0)
        {
            return 0;
        }

        var scored = _model.Transformer.Transform(_loader.Load(new MlNetTextSource(batch.ToString())));
        var columns = _model.Outputs.Select(o => scored.Schema[o.Name]).ToArray();
        using var cursor = scored.GetRowCursor(columns);
        var writers = _model.Outputs.Select(o => o.Bind(cursor)).ToArray();
        var line = new CsvLine();
        var i = 0;
        while (cursor.MoveNext())
        {
            line.Clear();
            for (var w = 0; w < writers.Length; w++)
            {
                if (w > 0)
                {
                    line.Separator();
                }

                writers[w](line);
            }

            sink.Append(ids[i++], line.Span);
        }

        if (i != ids.Count)
        {
            throw new InvalidOperationException($"ML.NET returned {i} rows for {ids.Count}.");
        }

        var count = ids.Count;
        ids.Clear();
        batch.Clear();
        return count;
    }
}
