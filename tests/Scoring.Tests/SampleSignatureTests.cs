using OrleansBatch.Scoring.Tests.Files;

namespace OrleansBatch.Scoring.Tests;

[Collection(RuntimeCollection.Name)]
public sealed class SampleSignatureTests(RuntimeFixture fixture)
{
    private readonly OnnxModelInspector _inspector = new(fixture.Runtime);

    [Fact]
    public void Zipmap_model_reports_sequence_of_maps_and_dynamic_batch()
    {
        var signature = _inspector.Inspect(SampleDirectory.Path("breast-cancer", "model.onnx"));

        var input = Assert.Single(signature.Inputs);
        Assert.Equal(("scaled", "float"), (input.Name, input.ElementType));
        Assert.Equal(new long[] { -1, 30 }, input.Shape);
        Assert.Equal(["label", "probabilities"], signature.Outputs.Select(o => o.Name));
        Assert.Equal("int64", signature.Outputs[0].ElementType);
        Assert.Equal(new long[] { -1 }, signature.Outputs[0].Shape);
        Assert.Equal("seq(map(int64,float))", signature.Outputs[1].ElementType);
        Assert.Empty(signature.Outputs[1].Shape);
    }

    [Fact]
    public void Image_model_reports_its_four_dimensional_input()
    {
        var signature = _inspector.Inspect(SampleDirectory.Path("digits", "model.onnx"));

        Assert.Equal(new long[] { -1, 1, 8, 8 }, Assert.Single(signature.Inputs).Shape);
        Assert.Equal(new long[] { -1, 10 }, signature.Outputs.Single(o => o.Name == "probabilities").Shape);
    }
}
