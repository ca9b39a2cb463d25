namespace OrleansBatch.Scoring.Tests;

[Collection(RuntimeCollection.Name)]
public sealed class OnnxModelInspectorTests(RuntimeFixture fixture)
{
    private readonly OnnxModelInspector _inspector = new(fixture.Runtime);

    [Fact]
    public void Runtime_is_the_pinned_version()
    {
        Assert.Equal("1.31.1", fixture.Runtime.Version);
    }

    [Fact]
    public void A_file_that_is_not_a_model_gives_ModelLoadException_with_onnx_runtimes_message()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("broken.onnx", "this is not a protobuf model");

        var error = Assert.Throws<ModelLoadException>(() => _inspector.Inspect(path));

        var ort = Assert.IsType<Microsoft.ML.OnnxRuntime.OnnxRuntimeException>(error.InnerException);
        Assert.Equal(ort.Message, error.Message);
        Assert.Contains("broken.onnx", error.Message);
        Assert.Contains("InvalidProtobuf", ort.Message);
    }

    [Fact]
    public void A_missing_file_gives_ModelLoadException()
    {
        using var dir = new TempDirectory();
        var path = dir.File("absent.onnx");

        var error = Assert.Throws<ModelLoadException>(() => _inspector.Inspect(path));

        Assert.Contains("absent.onnx", error.Message);
    }
}
