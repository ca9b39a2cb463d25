namespace OrleansBatch.Scoring.Tests.Models;

/// <summary>Inputs and outputs of every supported element type go through the binding and back unchanged.</summary>
[Collection(RuntimeCollection.Name)]
public sealed class ElementTypeTests(RuntimeFixture fixture) : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly OnnxScorerFactory _factory = new(fixture.Runtime, new OnnxScoringOptions { BatchRows = 2 });

    public void Dispose()
    {
        _factory.Dispose();
        _dir.Dispose();
    }

    [Fact]
    public void Signature_lists_each_type()
    {
        var model = _dir.File("echo.onnx");
        EchoModel.Write(model);

        var signature = new OnnxModelInspector(fixture.Runtime).Inspect(model);

        Assert.Equal(["float", "double", "int64", "int32", "uint8", "bool", "string"], signature.Inputs.Select(i => i.ElementType));
        Assert.All(signature.Inputs, i => Assert.Equal(new long[] { -1 }, i.Shape));
    }

    [Theory]
    [InlineData("csv")]
    [InlineData("jsonl")]
    public void Every_type_round_trips_through_a_tabular_scorer(string format)
    {
        var model = _dir.File("echo.onnx");
        EchoModel.Write(model);
        var data = format == "csv"
            ? _dir.Write("rows.csv", "s,b,u8,i32,i64,d,f\n\"hello, \"\"world\"\"\",true,255,-7,9007199254740993,0.1,0.1\nplain,0,0,2147483647,-1,1e-300,3.4e38\nx,yes,1,1,1,1,1\n")
            : _dir.Write("rows.jsonl", "{\"s\":\"hello, \\\"world\\\"\",\"b\":true,\"u8\":255,\"i32\":-7,\"i64\":9007199254740993,\"d\":0.1,\"f\":0.1}\n{\"s\":\"plain\",\"b\":false,\"u8\":0,\"i32\":2147483647,\"i64\":-1,\"d\":1e-300,\"f\":3.4e38}\n{\"s\":\"x\",\"b\":1,\"u8\":256,\"i32\":1,\"i64\":1,\"d\":1,\"f\":1}\n");
        var scorer = _factory.GetOrCreate(new ScorerSpec("echo-" + format, [model]));
        var sink = new CollectingSink();

        var result = scorer.Score(new InputSlice(data, Path.GetFileName(data)), sink);

        Assert.Equal(["f_out", "d_out", "i64_out", "i32_out", "u8_out", "b_out", "s_out"], scorer.OutputColumns);
        Assert.Equal(2, result.RowsScored);
        Assert.Equal(
            [
                (0L, "0.1,0.1,9007199254740993,-7,255,true,\"hello, \"\"world\"\"\""),
                (1L, "3.4E+38,1E-300,-1,2147483647,0,false,plain"),
            ],
            sink.Rows);
        var error = Assert.Single(result.Errors);
        Assert.Equal((2L, ItemErrorCodes.InvalidValue), (error.Row!.Value, error.Code));
        Assert.Equal(format == "csv" ? "b" : "u8", error.Column);
    }
}
