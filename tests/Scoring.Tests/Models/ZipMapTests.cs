using OrleansBatch.Scoring.Models;
using OrleansBatch.Scoring.Native;
using OrleansBatch.Scoring.Tests.Files;

namespace OrleansBatch.Scoring.Tests.Models;

/// <summary>The ZipMap unwrapping gives the same numbers as reading the maps through the C API.</summary>
[Collection(RuntimeCollection.Name)]
public sealed class ZipMapTests(RuntimeFixture fixture)
{
    private static string WineModel => SampleDirectory.Path("tree-ensemble", "model.onnx");

    [Fact]
    public void Unwrapping_replaces_the_map_output_with_its_probability_tensor()
    {
        var (model, zipMaps) = ZipMapUnwrapper.TryUnwrap(File.ReadAllBytes(WineModel))!.Value;
        using var session = new OnnxSession(fixture.Runtime, WineModel, new SessionThreading(1), model);

        var zipMap = Assert.Single(zipMaps);
        Assert.Equal("probabilities", zipMap.OutputName);
        Assert.Equal(["0", "1", "2"], zipMap.Labels);
        var output = session.Outputs.Single(o => o.Name == zipMap.TensorName);
        Assert.Equal(OrtValueKind.Tensor, output.Type.Kind);
        Assert.Equal("label", session.Outputs[0].Name);
    }

    [Fact]
    public unsafe void Maps_read_through_the_api_equal_the_unwrapped_tensor()
    {
        var runtime = fixture.Runtime;
        var rows = File.ReadAllLines(SampleDirectory.Path("tree-ensemble", "data", "wine.csv")).Skip(1).Take(40)
            .Select(l => l.Split(',').Select(v => float.Parse(v, System.Globalization.CultureInfo.InvariantCulture)).ToArray()).ToArray();
        var data = rows.SelectMany(r => r).ToArray();
        using var input = OrtTensors.OverPinned(runtime, data, data.Length, [rows.Length, 13], OrtElementType.Float);
        var (model, zipMaps) = ZipMapUnwrapper.TryUnwrap(File.ReadAllBytes(WineModel))!.Value;
        using var plain = new OnnxSession(runtime, WineModel, new SessionThreading(1));
        using var unwrapped = new OnnxSession(runtime, WineModel, new SessionThreading(1), model);

        var maps = plain.Run([input.DangerousGetHandle()]);
        var tensors = unwrapped.Run([input.DangerousGetHandle()]);
        try
        {
            var sequence = maps[1].DangerousGetHandle();
            Assert.Equal(["0", "1", "2"], OrtMapSequence.ReadKeys(runtime, sequence));
            var fromMaps = new double[rows.Length * 3];
            OrtMapSequence.ReadValues(runtime, sequence, rows.Length, 3, OrtElementType.Float, fromMaps);
            var view = OrtTensorView.Read(runtime.Api, tensors[1].DangerousGetHandle());
            Assert.Equal(new long[] { rows.Length, 3 }, view.Shape);
            var fromTensor = new ReadOnlySpan<float>(view.Data, rows.Length * 3).ToArray().Select(v => (double)v);
            Assert.Equal(fromMaps, fromTensor);
        }
        finally
        {
            foreach (var value in maps.Concat(tensors))
            {
                value.Dispose();
            }
        }
    }
}
