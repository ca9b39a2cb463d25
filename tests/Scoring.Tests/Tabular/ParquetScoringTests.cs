using OrleansBatch.Scoring.Tabular;

namespace OrleansBatch.Scoring.Tests.Tabular;

/// <summary>Parquet inputs: typed columns matched by name, byte ranges owning whole row groups, nulls refused.</summary>
[Collection(RuntimeCollection.Name)]
public sealed class ParquetScoringTests(RuntimeFixture fixture) : IDisposable
{
    private readonly OnnxScorerFactory _factory = new(fixture.Runtime, new OnnxScoringOptions { BatchRows = 64 });
    private readonly TempDirectory _dir = new();

    public void Dispose()
    {
        _factory.Dispose();
        _dir.Dispose();
    }

    private static string[] SampleLines => ColumnsByNameTests.SampleLines;

    private static ExpectedPredictions Expected => ColumnsByNameTests.Expected;

    private static ScorerSpec Spec(IReadOnlyList<string>? passthrough = null) =>
        SampleScoringTests.BreastCancer with { Columns = TabularColumns.Of(SampleLines[0].Split(','), passthrough) };

    /// <summary>The sample with shuffled columns and an id column, as Parquet in row groups of 50 rows.</summary>
    private async Task<string> ShuffledAsync(Func<string[], string[]>? edit = null)
    {
        var lines = ColumnsByNameTests.Shuffle(SampleLines, seed: 9).Split('\n').Select((l, i) => (i == 0 ? "id," : $"c{i - 1},") + l).ToArray();
        lines = edit?.Invoke(lines) ?? lines;
        var path = _dir.File("shuffled.parquet");
        await ParquetSample.WriteAsync(lines, path, rowsPerGroup: 50, nullable: "mean_area");
        return path;
    }

    [Fact]
    public async Task A_shuffled_parquet_file_scores_as_the_original_csv_with_ids_passed_through()
    {
        var path = await ShuffledAsync();
        var sink = new CollectingSink();

        var result = _factory.GetOrCreate(Spec(["id"])).Score(new InputSlice(path, "shuffled.parquet"), sink);

        Assert.Empty(result.Errors);
        Assert.Equal(569, result.RowsScored);
        Assert.All(sink.Rows, r => Assert.StartsWith($"c{r.Row},", r.Values, StringComparison.Ordinal));
        Expected.AssertMatches(Expected.Columns, sink.Rows.Select(r => (r.Row, r.Values[(r.Values.IndexOf(',') + 1)..])).ToList());
    }

    [Theory]
    [InlineData(1000)]
    [InlineData(7919)]
    public async Task Byte_ranges_own_whole_row_groups_each_exactly_once(int rangeBytes)
    {
        var path = await ShuffledAsync();
        var length = new FileInfo(path).Length;
        var scorer = _factory.GetOrCreate(Spec());
        var owned = new List<long>();
        var all = new List<(long Row, string Values)>();

        for (long offset = 0; offset < length; offset += rangeBytes)
        {
            var sink = new CollectingSink();
            var result = scorer.Score(new InputSlice(path, "shuffled.parquet", offset, rangeBytes), sink);
            Assert.Empty(result.Errors);
            Assert.Equal(ParquetSlices.CountRows(path, offset, rangeBytes), result.RowsScored);
            Assert.True(result.RowsScored % 50 == 0 || all.Count + result.RowsScored == 569, "a range owns whole row groups");
            var before = all.Count;
            all.AddRange(sink.Rows.Select(r => (r.Row + before, r.Values)));
            owned.Add(result.RowsScored);
        }

        Assert.Equal(569, owned.Sum());
        Expected.AssertMatches(scorer.OutputColumns, all);
    }

    [Fact]
    public async Task A_null_in_a_needed_column_fails_that_row_only()
    {
        var header = ColumnsByNameTests.Shuffle(SampleLines, seed: 9).Split('\n')[0].Split(',');
        var area = Array.IndexOf(header, "mean_area") + 1; // after the id column
        var path = await ShuffledAsync(lines =>
        {
            var cells = lines[11].Split(',');
            cells[area] = string.Empty; // data row 10
            lines[11] = string.Join(',', cells);
            return lines;
        });
        var sink = new CollectingSink();

        var result = _factory.GetOrCreate(Spec()).Score(new InputSlice(path, "shuffled.parquet"), sink);

        var error = Assert.Single(result.Errors);
        Assert.Equal((ItemErrorCodes.InvalidValue, 10L, "mean_area"), (error.Code, error.Row!.Value, error.Column!));
        Assert.Equal(568, result.RowsScored);
        Assert.DoesNotContain(10L, sink.Rows.Select(r => r.Row));
    }

    [Fact]
    public void A_file_that_is_not_parquet_is_an_item_error()
    {
        var path = _dir.Write("fake.parquet", "a,b\n1,2\n");

        var result = _factory.GetOrCreate(Spec()).Score(new InputSlice(path, "fake.parquet"), new CollectingSink());

        Assert.Equal(ItemErrorCodes.UnreadableFile, Assert.Single(result.Errors).Code);
    }
}
