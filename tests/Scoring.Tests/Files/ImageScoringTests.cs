using OrleansBatch.Scoring.Files;
using OrleansBatch.Scoring.Tests.Models;
using SkiaSharp;

namespace OrleansBatch.Scoring.Tests.Files;

/// <summary>Images reach a model in the layout its input names (NCHW, NHWC), resized and normalised as <see cref="ImageSettings"/> says.</summary>
[Collection(RuntimeCollection.Name)]
public sealed class ImageScoringTests(RuntimeFixture fixture) : IDisposable
{
    // 2x2 RGB: red, green / blue, gray.
    private static readonly byte[] Quad = [255, 0, 0, 0, 255, 0, 0, 0, 255, 128, 128, 128];
    private readonly TempDirectory _dir = new();
    private readonly OnnxScorerFactory _factory = new(fixture.Runtime, new OnnxScoringOptions());

    public void Dispose()
    {
        _factory.Dispose();
        _dir.Dispose();
    }

    [Fact]
    public void Nchw_input_gets_one_plane_per_channel()
    {
        var values = ScoreQuad(OnnxGraph.Float, [3, 2, 2], null);

        Assert.Equal("255,0,0,128,0,255,0,128,0,0,255,128", values);
    }

    [Fact]
    public void Nhwc_input_gets_the_channels_of_each_pixel_together()
    {
        var values = ScoreQuad(OnnxGraph.Float, [2, 2, 3], null);

        Assert.Equal("255,0,0,0,255,0,0,0,255,128,128,128", values);
    }

    [Fact]
    public void Uint8_input_gets_the_bytes()
    {
        var values = ScoreQuad(OnnxGraph.UInt8, [2, 2, 3], null);

        Assert.Equal("255,0,0,0,255,0,0,0,255,128,128,128", values);
    }

    [Fact]
    public void Scale_mean_and_std_apply_per_channel()
    {
        var settings = new ImageSettings(Scale: 1f / 255, Mean: [0.5f, 0f, 0f], Std: [0.5f, 1f, 2f]);

        var values = ScoreQuad(OnnxGraph.Float, [2, 2, 3], settings).Split(',').Select(v => float.Parse(v, System.Globalization.CultureInfo.InvariantCulture)).ToArray();

        Assert.Equal([1f, 0f, 0f, -1f, 1f, 0f, -1f, 0f, 0.5f], values[..9]);
        Assert.Equal((128f / 255 - 0.5f) / 0.5f, values[9], 5);
    }

    [Fact]
    public void Images_of_another_size_are_an_item_error_naming_the_resize_setting_unless_resized()
    {
        var model = Identity(OnnxGraph.Float, [3, 2, 2]);
        var solid = Enumerable.Range(0, 64).SelectMany(_ => new byte[] { 10, 20, 30 }).ToArray();
        var path = _dir.File("big.png");
        File.WriteAllBytes(path, TestImages.Encode(8, 8, solid, SKEncodedImageFormat.Png));
        var slice = new InputSlice(path, "big.png");

        var refused = ((IFileBatchScorer)_factory.GetOrCreate(new ScorerSpec("plain", [model]))).ScoreFiles([slice], new CollectingSink());
        var sink = new CollectingSink();
        var resized = ((IFileBatchScorer)_factory.GetOrCreate(new ScorerSpec("resize", [model], Image: new ImageSettings(Resize: true)))).ScoreFiles([slice], sink);

        var error = Assert.Single(refused.Errors);
        Assert.Equal(InvalidImageException.SizeMismatch, error.Code);
        Assert.Contains("settings.image.resize", error.Message);
        Assert.Equal(1, resized.RowsScored);
        Assert.Equal("10,10,10,10,20,20,20,20,30,30,30,30", Assert.Single(sink.Rows).Values);
    }

    [Theory]
    [InlineData(".jpg")]
    [InlineData(".bmp")]
    [InlineData(".gif")]
    [InlineData(".webp")]
    public void Every_image_format_scores_the_sample_digits_model(string extension)
    {
        var model = SampleDirectory.Path("digits", "model.onnx");
        var path = _dir.File("digit" + extension);
        var gray = ImageDecoderTests.SamplePixels()["digit_000.png"];
        var rgb = gray.SelectMany(g => new[] { g, g, g }).ToArray();
        File.WriteAllBytes(path, extension switch
        {
            ".jpg" => TestImages.Encode(8, 8, rgb, SKEncodedImageFormat.Jpeg),
            ".webp" => TestImages.Encode(8, 8, rgb, SKEncodedImageFormat.Webp),
            ".bmp" => TestImages.Bmp(8, 8, rgb),
            _ => TestImages.WhitePixelGif,
        });
        var scorer = (IFileBatchScorer)_factory.GetOrCreate(new ScorerSpec("digits", [model], Image: new ImageSettings(Resize: true)));

        var result = scorer.ScoreFiles([new InputSlice(path, "digit" + extension)], new CollectingSink());

        Assert.Equal(1, result.RowsScored);
    }

    private string ScoreQuad(int elementType, long[] itemShape, ImageSettings? settings)
    {
        var model = Identity(elementType, itemShape);
        var path = _dir.File("quad.png");
        File.WriteAllBytes(path, TestImages.Encode(2, 2, Quad, SKEncodedImageFormat.Png));
        var scorer = (IFileBatchScorer)_factory.GetOrCreate(new ScorerSpec($"{elementType}-{string.Join("x", itemShape)}-{settings}", [model], Image: settings));
        var sink = new CollectingSink();

        var result = scorer.ScoreFiles([new InputSlice(path, "quad.png")], sink);

        Assert.Equal(1, result.RowsScored);
        return Assert.Single(sink.Rows).Values;
    }

    private string Identity(int elementType, long[] itemShape)
    {
        var path = _dir.File($"identity-{elementType}-{string.Join("x", itemShape)}.onnx");
        object[] dims = ["N", .. itemShape.Cast<object>()];
        new OnnxGraph().Input("x", elementType, dims).Output("y", elementType, dims).Node("Identity", ["x"], ["y"]).Save(path);
        return path;
    }
}
