using Microsoft.ML;
using Microsoft.ML.Data;

namespace OrleansBatch.Scoring.Tests.MlNet;

/// <summary>ML.NET models of every common trainer score CSV and JSON lines by column name, exactly as ML.NET's own Transform does.</summary>
[Collection(RuntimeCollection.Name)]
public sealed class MlNetScoringTests(RuntimeFixture fixture) : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly OnnxScorerFactory _factory = new(fixture.Runtime, new OnnxScoringOptions { BatchRows = 100 });

    public void Dispose()
    {
        _factory.Dispose();
        _dir.Dispose();
    }

    public static TheoryData<string> Binary => [.. TinyModels.BinaryTrainers];

    public static TheoryData<string> Multiclass => [.. TinyModels.MulticlassTrainers];

    [Theory]
    [MemberData(nameof(Binary))]
    public void Binary_models_score_as_ml_net_does(string trainer)
    {
        var model = TinyModels.TrainBinary(trainer, _dir);
        var scorer = _factory.GetOrCreate(new ScorerSpec(trainer, [model]));
        var sink = new CollectingSink();

        var result = scorer.Score(new InputSlice(TinyModels.CancerCsv, "breast_cancer.csv"), sink);

        Assert.Equal(569, result.RowsScored);
        Assert.Empty(result.Errors);
        Assert.Equal("PredictedLabel", scorer.OutputColumns[0]);
        Assert.Contains("Score", scorer.OutputColumns);
        AssertSameAsMlNet(model, TinyModels.CancerCsv, scorer.OutputColumns, sink);
    }

    [Theory]
    [MemberData(nameof(Multiclass))]
    public void Multiclass_models_give_one_score_column_per_label(string trainer)
    {
        var model = TinyModels.TrainMulticlass(trainer, _dir);
        var scorer = _factory.GetOrCreate(new ScorerSpec(trainer, [model]));
        var sink = new CollectingSink();

        var result = scorer.Score(new InputSlice(TinyModels.WineCsv, "wine.csv"), sink);

        Assert.Equal(178, result.RowsScored);
        Assert.Equal(["PredictedLabel", "Score_class_0", "Score_class_1", "Score_class_2"], scorer.OutputColumns);
        var reference = TinyModels.Reference(model, TinyModels.WineCsv);
        var labels = reference.GetColumn<ReadOnlyMemory<char>>("PredictedLabel").Select(l => l.ToString()).ToArray();
        var scores = reference.GetColumn<VBuffer<float>>("Score").Select(v => v.DenseValues().ToArray()).ToArray();
        Assert.All(sink.Rows, r =>
        {
            var cells = r.Values.Split(',');
            Assert.Equal(labels[r.Row], cells[0]);
            Assert.Equal(scores[r.Row], cells[1..].Select(TinyModels.Parse));
        });
    }

    [Fact]
    public void The_sample_ml_net_model_matches_its_references()
    {
        var model = Files.SampleDirectory.Path("mlnet-cancer", "model.zip");
        var expected = File.ReadAllLines(Files.SampleDirectory.Path("mlnet-cancer", "expected.csv"));
        var scorer = _factory.GetOrCreate(new ScorerSpec("sample", [model]));
        var sink = new CollectingSink();

        scorer.Score(new InputSlice(TinyModels.CancerCsv, "breast_cancer.csv"), sink);

        Assert.Equal(expected[0], "file_name,row," + string.Join(',', scorer.OutputColumns));
        Assert.Equal(expected[1..], sink.Rows.Select(r => $"breast_cancer.csv,{r.Row},{r.Values}"));
    }

    [Fact]
    public void Shuffled_and_extra_columns_give_the_same_predictions_and_json_lines_too()
    {
        var model = TinyModels.TrainBinary("FastTree", _dir);
        var lines = File.ReadAllLines(TinyModels.CancerCsv).Select(l => l.Split(',')).ToArray();
        var order = Enumerable.Range(0, lines[0].Length).Reverse().ToArray();
        var shuffled = _dir.File("shuffled.csv");
        File.WriteAllLines(shuffled, lines.Select((cells, i) => (i == 0 ? "id," : $"{i},") + string.Join(',', order.Select(o => cells[o]))));
        var jsonl = _dir.File("rows.jsonl");
        File.WriteAllLines(jsonl, lines.Skip(1).Select(cells => "{" + string.Join(',', cells.Select((v, c) => $"\"{lines[0][c]}\":{v}")) + "}"));
        var scorer = _factory.GetOrCreate(new ScorerSpec("fasttree", [model]));
        var (plain, reordered, json) = (new CollectingSink(), new CollectingSink(), new CollectingSink());

        scorer.Score(new InputSlice(TinyModels.CancerCsv, "a.csv"), plain);
        scorer.Score(new InputSlice(shuffled, "b.csv"), reordered);
        scorer.Score(new InputSlice(jsonl, "c.jsonl"), json);

        Assert.Equal(569, plain.Rows.Count);
        Assert.Equal(plain.Rows, reordered.Rows);
        Assert.Equal(plain.Rows, json.Rows);
    }

    [Fact]
    public void Empty_and_non_numeric_cells_are_item_errors_and_a_missing_column_is_named()
    {
        var model = TinyModels.TrainBinary("Lbfgs", _dir);
        var lines = File.ReadAllLines(TinyModels.CancerCsv).Take(4).ToArray();
        var cells = lines[2].Split(',');
        cells[0] = string.Empty;
        lines[2] = string.Join(',', cells);
        cells[0] = "abc";
        lines[3] = string.Join(',', cells);
        var bad = _dir.File("bad.csv");
        File.WriteAllLines(bad, lines);
        var missing = _dir.File("missing.csv");
        File.WriteAllLines(missing, File.ReadAllLines(TinyModels.CancerCsv).Take(3).Select(l => l[(l.IndexOf(',') + 1)..]));
        var scorer = _factory.GetOrCreate(new ScorerSpec("lbfgs", [model]));

        var result = scorer.Score(new InputSlice(bad, "bad.csv"), new CollectingSink());
        var none = scorer.Score(new InputSlice(missing, "missing.csv"), new CollectingSink());

        Assert.Equal(1, result.RowsScored);
        Assert.Equal([1L, 2L], result.Errors.Select(e => e.Row!.Value));
        Assert.All(result.Errors, e => Assert.Equal(ItemErrorCodes.InvalidValue, e.Code));
        Assert.Equal("mean_radius", Assert.Single(result.Errors, e => e.Value == "abc").Column);
        var error = Assert.Single(none.Errors);
        Assert.Equal(ItemErrorCodes.ColumnMismatch, error.Code);
        Assert.Contains("'mean_radius'", error.Message);
    }

    [Fact]
    public void The_signature_is_read_from_the_zip()
    {
        var model = TinyModels.TrainMulticlass("LightGbm", _dir);

        var signature = new OnnxModelInspector(fixture.Runtime).Inspect(model);

        Assert.Equal(ModelFormats.MlNet, signature.Format);
        Assert.Equal(14, signature.Inputs.Count);
        Assert.Equal(("alcohol", "float"), (signature.Inputs[0].Name, signature.Inputs[0].ElementType));
        Assert.Equal([-1L], signature.Inputs[0].Shape);
        Assert.Equal("Label", signature.Inputs[^1].Name);
        Assert.Equal(["PredictedLabel", "Score"], signature.Outputs.Select(o => o.Name));
        Assert.Equal([-1L, 3L], signature.Outputs[1].Shape);
    }

    private static void AssertSameAsMlNet(string model, string csv, IReadOnlyList<string> columns, CollectingSink sink)
    {
        var reference = TinyModels.Reference(model, csv);
        var expected = new Dictionary<string, string[]>
        {
            ["PredictedLabel"] = reference.GetColumn<bool>("PredictedLabel").Select(b => b ? "true" : "false").ToArray(),
            ["Score"] = reference.GetColumn<float>("Score").Select(Format).ToArray(),
        };
        if (reference.Schema.GetColumnOrNull("Probability") is not null)
        {
            expected["Probability"] = reference.GetColumn<float>("Probability").Select(Format).ToArray();
        }

        Assert.Equal(expected.Keys.Order(), columns.Order());
        Assert.All(sink.Rows, r =>
        {
            var cells = r.Values.Split(',');
            for (var c = 0; c < columns.Count; c++)
            {
                Assert.Equal(expected[columns[c]][r.Row], cells[c]);
            }
        });
    }

    private static string Format(float value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
