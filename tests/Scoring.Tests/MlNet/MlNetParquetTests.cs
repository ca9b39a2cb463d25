using OrleansBatch.Scoring.Tests.Files;
using OrleansBatch.Scoring.Tests.Tabular;

namespace OrleansBatch.Scoring.Tests.MlNet;

/// <summary>An ML.NET model scores Parquet input: columns by name, row groups as slices, a null an item error of its row.</summary>
[Collection(RuntimeCollection.Name)]
public sealed class MlNetParquetTests(RuntimeFixture fixture) : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly OnnxScorerFactory _factory = new(fixture.Runtime, new OnnxScoringOptions { BatchRows = 100 });

    public void Dispose()
    {
        _factory.Dispose();
        _dir.Dispose();
    }

    private static string Model => SampleDirectory.Path("mlnet-cancer", "model.zip");

    [Fact]
    public async Task The_sample_model_scores_a_shuffled_parquet_file_exactly_as_its_references()
    {
        var path = _dir.File("shuffled.parquet");
        var shuffled = ColumnsByNameTests.Shuffle(File.ReadAllLines(TinyModels.CancerCsv), seed: 9).Split('\n');
        await ParquetSample.WriteAsync(shuffled, path, rowsPerGroup: 100);
        var expected = File.ReadAllLines(SampleDirectory.Path("mlnet-cancer", "expected.csv"));
        var scorer = _factory.GetOrCreate(new ScorerSpec("sample", [Model]));

        // Byte ranges as a planner cuts them: each owns the row groups that start inside it.
        var length = new FileInfo(path).Length;
        var sink = new CollectingSink();
        long scored = 0, offset = 0, rowBase = 0;
        var slices = 0;
        for (; offset < length; offset += 4096, slices++)
        {
            var part = new CollectingSink();
            var result = scorer.Score(new InputSlice(path, "breast_cancer.parquet", offset, 4096), part);
            Assert.Empty(result.Errors);
            foreach (var (row, values) in part.Rows)
            {
                sink.Append(rowBase + row, values);
            }

            rowBase += result.RowsScored;
            scored += result.RowsScored;
        }

        Assert.True(slices > 2, $"{slices} slices");
        Assert.Equal(569, scored);
        Assert.Equal(expected[1..], sink.Rows.OrderBy(r => r.Row).Select(r => $"breast_cancer.csv,{r.Row},{r.Values}"));
    }

    [Fact]
    public async Task A_null_fails_its_row_only_and_a_missing_column_is_named()
    {
        var lines = File.ReadAllLines(TinyModels.CancerCsv).Take(6).ToArray();
        var cells = lines[3].Split(',');
        cells[2] = string.Empty; // mean_perimeter of data row 2
        lines[3] = string.Join(',', cells);
        var holes = _dir.File("holes.parquet");
        await ParquetSample.WriteAsync(lines, holes, rowsPerGroup: 2, nullable: "mean_perimeter");
        var missing = _dir.File("missing.parquet");
        await ParquetSample.WriteAsync(File.ReadAllLines(TinyModels.CancerCsv).Take(4).Select(l => l[(l.IndexOf(',') + 1)..]).ToArray(), missing, rowsPerGroup: 10);
        var scorer = _factory.GetOrCreate(new ScorerSpec("sample", [Model]));
        var sink = new CollectingSink();

        var result = scorer.Score(new InputSlice(holes, "holes.parquet"), sink);
        var none = scorer.Score(new InputSlice(missing, "missing.parquet"), new CollectingSink());

        Assert.Equal((4L, 1L), (result.RowsScored, result.RowsFailed));
        Assert.Equal(new long[] { 0, 1, 3, 4 }, sink.Rows.Select(r => r.Row));
        var error = Assert.Single(result.Errors);
        Assert.Equal((ItemErrorCodes.InvalidValue, 2L, "mean_perimeter"), (error.Code, error.Row!.Value, error.Column!));
        Assert.Equal(ItemErrorCodes.ColumnMismatch, Assert.Single(none.Errors).Code);
        Assert.Contains("'mean_radius'", none.Errors[0].Message);
    }
}
