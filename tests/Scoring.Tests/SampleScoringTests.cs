using OrleansBatch.Scoring.Tests.Files;

namespace OrleansBatch.Scoring.Tests;

/// <summary>Every sample scored through the scorer factory equals its expected.csv.</summary>
[Collection(RuntimeCollection.Name)]
public sealed class SampleScoringTests(RuntimeFixture fixture) : IDisposable
{
    private readonly OnnxScorerFactory _factory = new(fixture.Runtime, new OnnxScoringOptions { BatchRows = 100, BatchFiles = 16 });

    public void Dispose() => _factory.Dispose();

    public static ScorerSpec BreastCancer => new(
        "breast-cancer@1", [SampleDirectory.Path("breast-cancer", "preprocess.onnx"), SampleDirectory.Path("breast-cancer", "model.onnx")]);

    public static ScorerSpec Wine => new("wine@1", [SampleDirectory.Path("tree-ensemble", "model.onnx")]);

    public static ScorerSpec Digits => new("digits@1", [SampleDirectory.Path("digits", "model.onnx")]);

    [Theory]
    [InlineData("breast_cancer.csv")]
    [InlineData("breast_cancer.jsonl")]
    public void Breast_cancer_pipeline_matches_expected(string file)
    {
        var scorer = _factory.GetOrCreate(BreastCancer);
        var sink = new CollectingSink();
        var path = SampleDirectory.Path("breast-cancer", "data", file);

        var result = scorer.Score(new InputSlice(path, file), sink);

        Assert.Empty(result.Errors);
        Assert.Equal(569, result.RowsScored);
        ExpectedPredictions.Load(SampleDirectory.Path("breast-cancer", "expected.csv")).AssertMatches(scorer.OutputColumns, sink.Rows);
    }

    [Fact]
    public void Tree_ensemble_matches_expected()
    {
        var scorer = _factory.GetOrCreate(Wine);
        var sink = new CollectingSink();

        var result = scorer.Score(new InputSlice(SampleDirectory.Path("tree-ensemble", "data", "wine.csv"), "wine.csv"), sink);

        Assert.Empty(result.Errors);
        Assert.Equal(178, result.RowsScored);
        ExpectedPredictions.Load(SampleDirectory.Path("tree-ensemble", "expected.csv")).AssertMatches(scorer.OutputColumns, sink.Rows);
    }

    [Theory]
    [InlineData("images", "expected.csv")]
    [InlineData("npy", "expected-npy.csv")]
    [InlineData("images-color", "expected-color.csv")]
    public void Digits_files_batched_match_expected(string folder, string expectedFile)
    {
        var scorer = Assert.IsAssignableFrom<IFileBatchScorer>(_factory.GetOrCreate(Digits));
        var files = Directory.GetFiles(SampleDirectory.Path("digits", folder))
            .Order(StringComparer.Ordinal)
            .Select(p => new InputSlice(p, Path.GetFileName(p)))
            .ToList();
        var sink = new CollectingSink();

        var result = scorer.ScoreFiles(files, sink);

        Assert.Empty(result.Errors);
        Assert.Equal(files.Count, result.RowsScored);
        Assert.Equal(Enumerable.Range(0, files.Count).Select(i => (long)i), sink.Rows.Select(r => r.Row));
        ExpectedPredictions.Load(SampleDirectory.Path("digits", expectedFile)).AssertMatches(scorer.OutputColumns, sink.Rows, compareRows: false);
    }

    [Fact]
    public void Digits_png_scored_one_file_per_slice_gives_row_zero()
    {
        var scorer = _factory.GetOrCreate(Digits);
        var expected = ExpectedPredictions.Load(SampleDirectory.Path("digits", "expected.csv"));
        var first = expected.Rows[0];
        var sink = new CollectingSink();

        var result = scorer.Score(new InputSlice(SampleDirectory.Path("digits", "images", first.File), first.File), sink);

        Assert.Equal(1, result.RowsScored);
        var (row, values) = Assert.Single(sink.Rows);
        Assert.Equal(0, row);
        Assert.Equal(first.Values[0], values.Split(',')[0]);
    }

    [Fact]
    public void Factory_shares_one_scorer_per_cache_key()
    {
        Assert.Same(_factory.GetOrCreate(Wine), _factory.GetOrCreate(Wine with { ModelPaths = [SampleDirectory.Path("tree-ensemble", "model.onnx")] }));
        Assert.NotSame(_factory.GetOrCreate(Wine), _factory.GetOrCreate(Wine with { CacheKey = "wine@2" }));
    }
}
