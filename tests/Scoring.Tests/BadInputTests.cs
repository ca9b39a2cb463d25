using System.Text;
using OrleansBatch.Scoring.Tests.Files;

namespace OrleansBatch.Scoring.Tests;

/// <summary>Bad input becomes item errors with codes and messages; the other rows still score and nothing crashes.</summary>
[Collection(RuntimeCollection.Name)]
public sealed class BadInputTests(RuntimeFixture fixture) : IDisposable
{
    private readonly OnnxScorerFactory _factory = new(fixture.Runtime, new OnnxScoringOptions());
    private readonly TempDirectory _dir = new();

    public void Dispose()
    {
        _factory.Dispose();
        _dir.Dispose();
    }

    private static string[] WineLines => File.ReadAllLines(SampleDirectory.Path("tree-ensemble", "data", "wine.csv"));

    [Fact]
    public void Unknown_columns_fail_every_row_naming_the_model_input_and_the_columns()
    {
        var path = _dir.Write("other.csv", "a,b,c\n1,2,3\n4,5,6\n");

        var result = Score(SampleScoringTests.Wine, path, out var sink);

        Assert.Empty(sink.Rows);
        Assert.Equal(2, result.RowsFailed);
        Assert.All(result.Errors, e => Assert.Equal(ItemErrorCodes.ColumnMismatch, e.Code));
        Assert.Contains("'input'", result.Errors[0].Message);
        Assert.Contains("a, b, c", result.Errors[0].Message);
    }

    [Fact]
    public void Input_columns_naming_absent_columns_fail_with_the_available_ones()
    {
        var path = _dir.Write("wine.csv", string.Join("\n", WineLines.Take(5)));
        var spec = SampleScoringTests.Wine with { CacheKey = "wine-cols", Columns = new TabularColumns(["alcohol", "no_such_column"], []) };

        var result = Score(spec, path, out _);

        Assert.Equal(4, result.RowsFailed);
        Assert.Contains("no_such_column", result.Errors[0].Message);
        Assert.Contains("malic_acid", result.Errors[0].Message);
    }

    [Fact]
    public void Non_numeric_and_short_rows_are_item_errors_and_the_rest_scores()
    {
        var lines = WineLines.Take(11).ToArray();
        lines[3] = "abc" + lines[3][lines[3].IndexOf(',')..];
        lines[5] = string.Join(",", lines[5].Split(',').Take(5));
        lines[7] = "\"unterminated" + lines[7];
        var path = _dir.Write("wine.csv", string.Join("\n", lines));

        var result = Score(SampleScoringTests.Wine, path, out var sink);

        Assert.Equal(7, result.RowsScored);
        Assert.Equal(3, result.RowsFailed);
        Assert.Equal(new long[] { 0, 1, 3, 5, 7, 8, 9 }, sink.Rows.Select(r => r.Row));
        var invalid = Assert.Single(result.Errors, e => e.Code == ItemErrorCodes.InvalidValue);
        Assert.Equal((2L, "alcohol", "abc"), (invalid.Row!.Value, invalid.Column!, invalid.Value!));
        Assert.Contains("'abc'", invalid.Message);
        Assert.Equal("wine.csv", invalid.FileName);
        Assert.Contains(result.Errors, e => e.Code == ItemErrorCodes.MalformedRow && e.Row == 4 && e.Message.Contains("5 fields"));
        Assert.Contains(result.Errors, e => e.Code == ItemErrorCodes.MalformedRow && e.Row == 6);
    }

    [Fact]
    public void Empty_file_is_an_item_error()
    {
        var path = _dir.Write("empty.csv", string.Empty);

        var result = Score(SampleScoringTests.Wine, path, out var sink);

        Assert.Empty(sink.Rows);
        Assert.Equal(ItemErrorCodes.EmptyInput, Assert.Single(result.Errors).Code);
    }

    [Fact]
    public void Header_only_file_scores_nothing_without_error()
    {
        var path = _dir.Write("wine.csv", WineLines[0] + "\n");

        var result = Score(SampleScoringTests.Wine, path, out _);

        Assert.Equal((0L, 0L), (result.RowsScored, result.RowsFailed));
        Assert.Empty(result.Errors);
    }

    [Fact]
    public void A_100_MB_line_without_newline_is_skipped_as_too_long()
    {
        var path = _dir.File("huge.csv");
        using (var stream = File.Create(path))
        {
            stream.Write(Encoding.UTF8.GetBytes(WineLines[0] + "\n" + WineLines[1] + "\n"));
            var junk = new byte[1 << 20];
            junk.AsSpan().Fill((byte)'7');
            for (var i = 0; i < 100; i++)
            {
                stream.Write(junk);
            }
        }

        var result = Score(SampleScoringTests.Wine, path, out var sink);

        Assert.Equal(1, result.RowsScored);
        var error = Assert.Single(result.Errors);
        Assert.Equal(ItemErrorCodes.LineTooLong, error.Code);
        Assert.Equal(1, error.Row);
        Assert.Contains("longer than", error.Message);
    }

    [Fact]
    public void Json_lines_with_broken_json_or_missing_keys_are_item_errors()
    {
        var source = File.ReadAllLines(SampleDirectory.Path("breast-cancer", "data", "breast_cancer.jsonl"));
        var lines = source.Take(6).ToArray();
        lines[1] = "{\"mean_radius\": ";
        lines[2] = lines[2].Replace("\"mean_texture\"", "\"renamed\"");
        lines[3] = lines[3].Replace("\"mean_area\": ", "\"mean_area\": \"big\", \"x\": ");
        var path = _dir.Write("bc.jsonl", string.Join("\n", lines));

        var result = Score(SampleScoringTests.BreastCancer, path, out var sink);

        Assert.Equal(new long[] { 0, 4, 5 }, sink.Rows.Select(r => r.Row));
        Assert.Contains(result.Errors, e => e.Row == 1 && e.Code == ItemErrorCodes.InvalidJson);
        Assert.Contains(result.Errors, e => e.Row == 2 && e.Column == "mean_texture" && e.Code == ItemErrorCodes.InvalidValue);
        Assert.Contains(result.Errors, e => e.Row == 3 && e.Column == "mean_area" && e.Value == "big");
    }

    [Fact]
    public void File_inputs_of_the_wrong_size_or_type_are_item_errors()
    {
        var scorer = Assert.IsAssignableFrom<IFileBatchScorer>(_factory.GetOrCreate(SampleScoringTests.Digits));
        var numbers = _dir.Write("sixteen.csv", string.Join(",", Enumerable.Range(0, 16)));
        var text = _dir.Write("notes.txt", "hello");
        var broken = _dir.Write("broken.png", "not a png");
        var good = SampleDirectory.Path("digits", "images", "digit_000.png");
        var sink = new CollectingSink();

        var result = scorer.ScoreFiles(
            [new(numbers, "sixteen.csv"), new(text, "notes.txt"), new(good, "digit_000.png"), new(broken, "broken.png")], sink);

        Assert.Equal(1, result.RowsScored);
        Assert.Equal(2, Assert.Single(sink.Rows).Row);
        var shape = Assert.Single(result.Errors, e => e.FileName == "sixteen.csv");
        Assert.Equal(ItemErrorCodes.ShapeMismatch, shape.Code);
        Assert.Equal("The file has 16 values, model input 'image' expects [1,8,8] = 64.", shape.Message);
        Assert.Equal(ItemErrorCodes.UnreadableFile, Assert.Single(result.Errors, e => e.FileName == "notes.txt").Code);
        Assert.NotNull(Assert.Single(result.Errors, e => e.FileName == "broken.png").Code);
    }

    [Fact]
    public void A_model_that_cannot_load_gives_ModelLoadException_from_the_factory()
    {
        var path = _dir.Write("bad.onnx", "garbage");

        var error = Assert.Throws<ModelLoadException>(() => _factory.GetOrCreate(new ScorerSpec("bad", [path])));

        Assert.IsType<Microsoft.ML.OnnxRuntime.OnnxRuntimeException>(error.InnerException);
        Assert.Contains("bad.onnx", error.Message);
    }

    private ScoreResult Score(ScorerSpec spec, string path, out CollectingSink sink)
    {
        sink = new CollectingSink();
        return _factory.GetOrCreate(spec).Score(new InputSlice(path, Path.GetFileName(path)), sink);
    }
}
