using OrleansBatch.Scoring.Tests.Files;

namespace OrleansBatch.Scoring.Tests.Tabular;

/// <summary>
/// Columns are matched by name: a CSV (or JSON lines) whose columns come in another order, or with extra
/// columns, scores exactly as the original; a missing column or an empty cell is refused, never guessed.
/// </summary>
[Collection(RuntimeCollection.Name)]
public sealed class ColumnsByNameTests(RuntimeFixture fixture) : IDisposable
{
    private readonly OnnxScorerFactory _factory = new(fixture.Runtime, new OnnxScoringOptions { BatchRows = 64 });
    private readonly TempDirectory _dir = new();

    public void Dispose()
    {
        _factory.Dispose();
        _dir.Dispose();
    }

    internal static string[] SampleLines => File.ReadAllLines(SampleDirectory.Path("breast-cancer", "data", "breast_cancer.csv"));

    /// <summary>The model's 30 features, in the model's order (the sample's header).</summary>
    private static string[] Features => SampleLines[0].Split(',');

    internal static ExpectedPredictions Expected => ExpectedPredictions.Load(SampleDirectory.Path("breast-cancer", "expected.csv"));

    private static ScorerSpec BreastCancer(IReadOnlyList<string>? inputColumns = null, IReadOnlyList<string>? passthrough = null) =>
        SampleScoringTests.BreastCancer with { Columns = TabularColumns.Of(inputColumns, passthrough) };

    [Fact]
    public void Shuffled_columns_with_input_columns_score_exactly_as_the_original()
    {
        var path = _dir.Write("shuffled.csv", Shuffle(SampleLines, seed: 7));

        var result = Score(BreastCancer(Features), path, out var sink);

        Assert.Empty(result.Errors);
        Assert.Equal(569, result.RowsScored);
        Assert.Empty(result.Notes ?? []);
        Expected.AssertMatches(_factory.GetOrCreate(BreastCancer(Features)).OutputColumns, sink.Rows);
    }

    [Fact]
    public void Shuffled_columns_without_input_columns_are_mapped_in_header_order_and_the_note_names_the_setting()
    {
        var path = _dir.Write("shuffled.csv", Shuffle(SampleLines, seed: 7));

        var result = Score(SampleScoringTests.BreastCancer, path, out _);

        var note = Assert.Single(result.Notes!);
        Assert.Contains("settings.input_columns", note);
        Assert.Contains("order of the header", note);
    }

    [Fact]
    public void Extra_columns_are_ignored_and_passthrough_columns_lead_the_output()
    {
        var lines = Shuffle(SampleLines, seed: 3).Split('\n');
        var withExtras = lines.Select((line, i) => i == 0
            ? $"patient_id,{line},note"
            : $"p-{i - 1:D4},{line},\"free, text\"");
        var path = _dir.Write("extras.csv", string.Join('\n', withExtras));
        var spec = BreastCancer(Features, ["patient_id", "note"]);

        var result = Score(spec, path, out var sink);

        Assert.Empty(result.Errors);
        var scorer = _factory.GetOrCreate(spec);
        Assert.Equal(["patient_id", "note", .. Expected.Columns], scorer.OutputColumns);
        Assert.Equal("p-0000,\"free, text\",", sink.Rows[0].Values[..(sink.Rows[0].Values.IndexOf("\",", StringComparison.Ordinal) + 2)]);
        var modelOnly = sink.Rows.Select(r => (r.Row, Values: r.Values[(r.Values.IndexOf("\",", StringComparison.Ordinal) + 2)..])).ToList();
        Expected.AssertMatches(Expected.Columns, modelOnly);
    }

    [Fact]
    public void A_missing_column_fails_every_row_naming_it_and_the_setting()
    {
        var lines = SampleLines.Select(l => string.Join(',', l.Split(',').Where((_, c) => c != 4))).Take(4);
        var path = _dir.Write("missing.csv", string.Join('\n', lines));

        var result = Score(BreastCancer(Features), path, out var sink);

        Assert.Empty(sink.Rows);
        Assert.Equal(3, result.RowsFailed);
        Assert.All(result.Errors, e => Assert.Equal(ItemErrorCodes.ColumnMismatch, e.Code));
        Assert.Contains("'mean_smoothness'", result.Errors[0].Message);
        Assert.Contains("settings.input_columns", result.Errors[0].Message);
    }

    [Fact]
    public void Unknown_passthrough_column_fails_naming_it()
    {
        var path = _dir.Write("bc.csv", string.Join('\n', SampleLines.Take(3)));

        var result = Score(BreastCancer(passthrough: ["patient_id"]), path, out var sink);

        Assert.Empty(sink.Rows);
        Assert.Contains("settings.passthrough_columns", result.Errors[0].Message);
        Assert.Contains("'patient_id'", result.Errors[0].Message);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void An_empty_cell_is_an_invalid_value_of_that_row_only(bool byName)
    {
        var lines = SampleLines.Take(6).ToArray();
        var cells = lines[3].Split(',');
        cells[5] = string.Empty; // mean_compactness of data row 2
        lines[3] = string.Join(',', cells);
        var path = _dir.Write("empty-cell.csv", string.Join('\n', lines));

        var result = Score(byName ? BreastCancer(Features) : SampleScoringTests.BreastCancer, path, out var sink);

        Assert.Equal(new long[] { 0, 1, 3, 4 }, sink.Rows.Select(r => r.Row));
        var error = Assert.Single(result.Errors);
        Assert.Equal((ItemErrorCodes.InvalidValue, 2L, "mean_compactness"), (error.Code, error.Row!.Value, error.Column!));
        Assert.DoesNotContain("NaN", string.Concat(sink.Rows.Select(r => r.Values)));
    }

    [Fact]
    public void Json_lines_with_reordered_keys_null_and_missing_values()
    {
        var source = File.ReadAllLines(SampleDirectory.Path("breast-cancer", "data", "breast_cancer.jsonl"));
        var random = new Random(11);
        var lines = source.Select(line =>
        {
            var pairs = System.Text.Json.JsonDocument.Parse(line).RootElement.EnumerateObject().Select(p => $"\"{p.Name}\": {p.Value.GetRawText()}").ToArray();
            random.Shuffle(pairs);
            return "{" + string.Join(", ", pairs) + "}";
        }).ToArray();
        var path = _dir.Write("reordered.jsonl", string.Join('\n', lines));

        var result = Score(BreastCancer(Features), path, out var sink);

        Assert.Empty(result.Errors);
        Expected.AssertMatches(_factory.GetOrCreate(BreastCancer(Features)).OutputColumns, sink.Rows);

        lines[1] = lines[1].Replace("\"mean_area\": ", "\"mean_area\": null, \"was\": ", StringComparison.Ordinal);
        lines[2] = System.Text.RegularExpressions.Regex.Replace(lines[2], "\"worst_symmetry\": [^,}]+,? ?", string.Empty);
        var broken = _dir.Write("holes.jsonl", string.Join('\n', lines.Take(4)));

        var holes = Score(BreastCancer(Features), broken, out var scored);

        Assert.Equal(new long[] { 0, 3 }, scored.Rows.Select(r => r.Row));
        Assert.Contains(holes.Errors, e => (e.Row, e.Column, e.Code) == (1, "mean_area", ItemErrorCodes.InvalidValue));
        Assert.Contains(holes.Errors, e => (e.Row, e.Column, e.Code) == (2, "worst_symmetry", ItemErrorCodes.InvalidValue));
    }

    /// <summary>The CSV with its columns in a seeded random order.</summary>
    internal static string Shuffle(string[] lines, int seed)
    {
        var order = Enumerable.Range(0, lines[0].Split(',').Length).ToArray();
        new Random(seed).Shuffle(order);
        return string.Join('\n', lines.Select(l =>
        {
            var cells = l.Split(',');
            return string.Join(',', order.Select(c => cells[c]));
        }));
    }

    private ScoreResult Score(ScorerSpec spec, string path, out CollectingSink sink)
    {
        sink = new CollectingSink();
        return _factory.GetOrCreate(spec).Score(new InputSlice(path, Path.GetFileName(path)), sink);
    }
}
