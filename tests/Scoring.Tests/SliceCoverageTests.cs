using OrleansBatch.Scoring.Tests.Files;

namespace OrleansBatch.Scoring.Tests;

/// <summary>Byte ranges cut anywhere cover every row exactly once, and rows map back to the file's row numbers.</summary>
[Collection(RuntimeCollection.Name)]
public sealed class SliceCoverageTests(RuntimeFixture fixture) : IDisposable
{
    private readonly OnnxScorerFactory _factory = new(fixture.Runtime, new OnnxScoringOptions { BatchRows = 64 });

    public void Dispose() => _factory.Dispose();

    [Theory]
    [InlineData("breast_cancer.csv")]
    [InlineData("breast_cancer.jsonl")]
    public void Ranges_of_many_sizes_cover_every_row_once(string file)
    {
        var path = SampleDirectory.Path("breast-cancer", "data", file);
        var scorer = _factory.GetOrCreate(SampleScoringTests.BreastCancer);
        var whole = ScoreRanges(scorer, path, file, new FileInfo(path).Length);
        Assert.Equal(569, whole.Count);

        foreach (var size in new long[] { 97, 255, 256, 1000, 4096, 10_000, 65_536, 123_457 })
        {
            var rows = ScoreRanges(scorer, path, file, size);
            Assert.Equal(whole, rows);
        }
    }

    [Fact]
    public void Crlf_blank_lines_and_quoted_fields_are_split_correctly()
    {
        using var dir = new TempDirectory();
        var source = File.ReadAllLines(SampleDirectory.Path("tree-ensemble", "data", "wine.csv"));
        var lines = new List<string> { string.Join(",", source[0].Split(',').Select(c => $"\"{c}\"")) };
        for (var i = 1; i < source.Length; i++)
        {
            lines.Add(i % 3 == 0 ? "\"" + source[i].Replace(",", "\",\"") + "\"" : source[i]);
            if (i % 10 == 0)
            {
                lines.Add(string.Empty);
            }
        }

        var path = dir.Write("wine.csv", string.Join("\r\n", lines) + "\r\n");
        var scorer = _factory.GetOrCreate(SampleScoringTests.Wine);
        var whole = ScoreRanges(scorer, path, "wine.csv", new FileInfo(path).Length);
        Assert.Equal(178, whole.Count);
        var expected = ExpectedPredictions.Load(SampleDirectory.Path("tree-ensemble", "expected.csv"));
        expected.AssertMatches(scorer.OutputColumns, whole.Select((v, i) => ((long)i, v.Values)).ToList());

        foreach (var size in new long[] { 1, 2, 5, 33, 200, 1024, 5000 })
        {
            Assert.Equal(whole, ScoreRanges(scorer, path, "wine.csv", size));
        }
    }

    [Fact]
    public void Empty_and_past_the_end_ranges_own_no_rows()
    {
        var path = SampleDirectory.Path("tree-ensemble", "data", "wine.csv");
        var scorer = _factory.GetOrCreate(SampleScoringTests.Wine);
        var length = new FileInfo(path).Length;

        foreach (var slice in new[] { new InputSlice(path, "wine.csv", 0, 0), new InputSlice(path, "wine.csv", 500, 0), new InputSlice(path, "wine.csv", length, 100), new InputSlice(path, "wine.csv", length + 50, 10) })
        {
            var result = scorer.Score(slice, new CollectingSink());
            Assert.Equal((0L, 0L), (result.RowsScored, result.RowsFailed));
            Assert.Empty(result.Errors);
        }
    }

    [Fact]
    public void Concurrent_workers_share_one_scorer_and_get_the_same_rows()
    {
        var path = SampleDirectory.Path("breast-cancer", "data", "breast_cancer.csv");
        var scorer = _factory.GetOrCreate(SampleScoringTests.BreastCancer);
        var expected = ScoreRanges(scorer, path, "breast_cancer.csv", new FileInfo(path).Length);
        var length = new FileInfo(path).Length;
        const long size = 7_000;
        var ranges = Enumerable.Range(0, (int)((length + size - 1) / size)).ToArray();
        var results = new (ScoreResult Result, CollectingSink Sink)[ranges.Length];

        Parallel.ForEach(ranges, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
        {
            var sink = new CollectingSink();
            results[i] = (scorer.Score(new InputSlice(path, "breast_cancer.csv", i * size, Math.Min(size, length - (i * size))), sink), sink);
        });

        var rows = new List<(long, string)>();
        long before = 0;
        foreach (var (result, sink) in results)
        {
            rows.AddRange(sink.Rows.Select(r => (before + r.Row, r.Values)));
            before += result.RowsScored + result.RowsFailed;
        }

        Assert.Equal(expected, rows);
    }

    /// <summary>Scores consecutive ranges of <paramref name="size"/> bytes; returns (file row, values) in order, the file row being the rows of earlier ranges plus rowInSlice.</summary>
    private static List<(long FileRow, string Values)> ScoreRanges(IScorer scorer, string path, string name, long size)
    {
        var length = new FileInfo(path).Length;
        var result = new List<(long, string)>();
        long rowsBefore = 0;
        for (long offset = 0; offset < length; offset += size)
        {
            var sink = new CollectingSink();
            var score = scorer.Score(new InputSlice(path, name, offset, Math.Min(size, length - offset)), sink);
            Assert.Empty(score.Errors);
            Assert.Equal(score.RowsScored, sink.Rows.Count);
            result.AddRange(sink.Rows.Select(r => (rowsBefore + r.Row, r.Values)));
            rowsBefore += score.RowsScored + score.RowsFailed;
        }

        return result;
    }
}
