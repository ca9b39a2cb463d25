using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using OrleansBatch.Scoring.Models;
using OrleansBatch.Scoring.Tests.Files;

namespace OrleansBatch.Scoring.Tests.Models;

/// <summary>The ZipMap unwrapping gives the same numbers as reading the maps through the managed API.</summary>
[Collection(RuntimeCollection.Name)]
public sealed class ZipMapTests(RuntimeFixture fixture)
{
    private static string WineModel => SampleDirectory.Path("tree-ensemble", "model.onnx");

    [Fact]
    public void Unwrapping_replaces_the_map_output_with_its_probability_tensor_of_shape_N_by_classes()
    {
        var (model, zipMaps) = ZipMapUnwrapper.TryUnwrap(File.ReadAllBytes(WineModel))!.Value;
        using var session = new OnnxSession(fixture.Runtime, WineModel, new SessionThreading(1), model);

        var zipMap = Assert.Single(zipMaps);
        Assert.Equal("probabilities", zipMap.OutputName);
        Assert.Equal(["0", "1", "2"], zipMap.Labels);
        var output = session.Outputs.Single(o => o.Name == zipMap.TensorName);
        Assert.Equal(OnnxValueType.ONNX_TYPE_TENSOR, output.Type.Kind);
        Assert.Equal([-1L, 3L], output.Type.Shape);
        Assert.Equal("label", session.Outputs[0].Name);
    }

    [Fact]
    public void Maps_read_through_the_api_equal_the_unwrapped_tensor()
    {
        var runtime = fixture.Runtime;
        var rows = File.ReadAllLines(SampleDirectory.Path("tree-ensemble", "data", "wine.csv")).Skip(1).Take(40)
            .Select(l => l.Split(',').Select(v => float.Parse(v, System.Globalization.CultureInfo.InvariantCulture)).ToArray()).ToArray();
        var data = rows.SelectMany(r => r).ToArray();
        using var input = OrtValue.CreateTensorValueFromMemory(data, [rows.Length, 13]);
        var (model, _) = ZipMapUnwrapper.TryUnwrap(File.ReadAllBytes(WineModel))!.Value;
        using var plain = new OnnxSession(runtime, WineModel, new SessionThreading(1));
        using var unwrapped = new OnnxSession(runtime, WineModel, new SessionThreading(1), model);
        using var options = new RunOptions();

        using var maps = plain.Run([input], options);
        using var tensors = unwrapped.Run([input], options);

        var sequence = maps[1];
        Assert.Equal(["0", "1", "2"], MapSequence.ReadKeys(sequence));
        var fromMaps = new double[rows.Length * 3];
        MapSequence.ReadValues(sequence, rows.Length, 3, TensorElementType.Float, fromMaps);
        Assert.Equal([rows.Length, 3L], tensors[1].GetTensorTypeAndShape().Shape);
        var fromTensor = tensors[1].GetTensorDataAsSpan<float>().ToArray().Select(v => (double)v);
        Assert.Equal(fromMaps, fromTensor);
    }
}
