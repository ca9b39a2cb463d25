namespace OrleansBatch.Scoring.Tests.Tabular;

/// <summary>
/// A wide model input without settings.input_columns takes its columns from the file's header (or keys), never
/// from a row's values: a slice that starts with a bad row fails that row only, not the whole slice.
/// </summary>
[Collection(RuntimeCollection.Name)]
public sealed class SliceBindingTests(RuntimeFixture fixture) : IDisposable
{
    private const int Rows = 60_000;
    private const int Every = 1_000;
    private readonly OnnxScorerFactory _factory = new(fixture.Runtime, new OnnxScoringOptions { BatchRows = 64 });
    private readonly TempDirectory _dir = new();

    public void Dispose()
    {
        _factory.Dispose();
        _dir.Dispose();
    }

    [Theory]
    [InlineData("wide.csv")]
    [InlineData("wide.jsonl")]
    public void Slices_of_20_rows_starting_with_a_bad_row_fail_that_row_only(string file)
    {
        var path = _dir.File(file);
        var csv = file.EndsWith(".csv", StringComparison.Ordinal);
        if (csv)
        {
            BadRowsSample.WriteCsv(path, Rows, Every);
        }
        else
        {
            BadRowsSample.WriteJsonLines(path, Rows, Every);
        }

        var scorer = _factory.GetOrCreate(SampleScoringTests.BreastCancer);
        var slices = BadRowsSample.Slices(path, 20, header: csv);
        long scored = 0, failed = 0;
        var errors = new List<ItemError>();
        var sink = new CollectingSink();
        foreach (var slice in slices)
        {
            var result = scorer.Score(slice, sink);
            (scored, failed) = (scored + result.RowsScored, failed + result.RowsFailed);
            errors.AddRange(result.Errors);
        }

        Assert.Equal(Rows / 20, slices.Count);
        Assert.Equal((59_940L, 60L), (scored, failed));
        Assert.Equal(60, errors.Count);
        Assert.All(errors, e =>
        {
            Assert.Equal((ItemErrorCodes.InvalidValue, BadRowsSample.FirstFeature, BadRowsSample.BadValue), (e.Code, e.Column, e.Value));
            Assert.Equal(0, e.Row); // each bad row is the first of its slice
        });
        Assert.DoesNotContain("NaN", string.Concat(sink.Rows.Select(r => r.Values)));
    }

    [Fact]
    public void A_header_wider_than_the_model_input_fails_every_row_naming_the_setting()
    {
        var lines = ColumnsByNameTests.SampleLines.Take(4).Select((l, i) => (i == 0 ? "id," : $"case-{i},") + l);
        var path = _dir.Write("with-id.csv", string.Join('\n', lines));

        var result = _factory.GetOrCreate(SampleScoringTests.BreastCancer).Score(new InputSlice(path, "with-id.csv"), new CollectingSink());

        Assert.Equal((0L, 3L), (result.RowsScored, result.RowsFailed));
        Assert.All(result.Errors, e => Assert.Equal(ItemErrorCodes.ColumnMismatch, e.Code));
        Assert.Contains("31", result.Errors[0].Message);
        Assert.Contains("settings.input_columns", result.Errors[0].Message);
    }
}
