using OrleansBatch.Scoring.Files;
using SkiaSharp;

namespace OrleansBatch.Scoring.Tests.Files;

public sealed class ImageDecoderTests : IDisposable
{
    // 2x2 RGB: red, green / blue, gray.
    private static readonly byte[] Quad = [255, 0, 0, 0, 255, 0, 0, 0, 255, 128, 128, 128];
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    /// <summary>samples/digits/pixels.csv: each sample PNG's 64 gray values, written by the Python script.</summary>
    internal static Dictionary<string, byte[]> SamplePixels() =>
        File.ReadLines(SampleDirectory.Path("digits", "pixels.csv")).Skip(1)
            .Select(line => line.Split(','))
            .ToDictionary(cells => cells[0], cells => cells.Skip(1).Select(byte.Parse).ToArray());

    [Fact]
    public void Decodes_every_sample_digit_to_the_pixels_the_script_wrote()
    {
        var expected = SamplePixels();
        var files = Directory.GetFiles(SampleDirectory.Path("digits", "images"), "*.png");
        Assert.Equal(60, files.Length);

        foreach (var file in files)
        {
            var image = ImageDecoder.DecodeFile(file);

            Assert.Equal((8, 8), (image.Width, image.Height));
            Assert.Equal(expected[Path.GetFileName(file)], ImageChannels.Convert(image, 1));
        }
    }

    [Theory]
    [InlineData("digit_000_rgb.png", "digit_000.png")]
    [InlineData("digit_001_rgba.png", "digit_001.png")]
    [InlineData("digit_002_rgb.png", "digit_002.png")]
    [InlineData("digit_003_gray_alpha.png", "digit_003.png")]
    public void Colour_variants_give_the_gray_values_back(string file, string gray)
    {
        var image = ImageDecoder.DecodeFile(SampleDirectory.Path("digits", "images-color", file));

        Assert.Equal(SamplePixels()[gray], ImageChannels.Convert(image, 1));
        Assert.All(Enumerable.Range(0, 64), p => Assert.Equal(255, image.Pixels[(p * 4) + 3]));
    }

    [Theory]
    [InlineData("quad.png", 0)]
    [InlineData("quad.bmp", 0)]
    [InlineData("quad.webp", 0)]
    public void Lossless_formats_decode_to_the_exact_pixels(string name, int tolerance)
    {
        var path = Write(name);

        var image = ImageDecoder.DecodeFile(path);

        Assert.Equal((2, 2), (image.Width, image.Height));
        var rgb = ImageChannels.Convert(image, 3);
        Assert.All(Enumerable.Range(0, 12), i => Assert.InRange(rgb[i] - Quad[i], -tolerance, tolerance));
    }

    [Fact]
    public void Jpeg_decodes_a_solid_colour_within_a_few_levels()
    {
        var solid = Enumerable.Range(0, 64).SelectMany(_ => new byte[] { 200, 100, 50 }).ToArray();
        var path = _dir.File("solid.jpg");
        File.WriteAllBytes(path, TestImages.Encode(8, 8, solid, SKEncodedImageFormat.Jpeg));

        var rgb = ImageChannels.Convert(ImageDecoder.DecodeFile(path), 3);

        Assert.All(Enumerable.Range(0, rgb.Length), i => Assert.InRange(rgb[i] - solid[i], -3, 3));
    }

    [Fact]
    public void Gif_decodes()
    {
        var path = _dir.File("white.gif");
        File.WriteAllBytes(path, TestImages.WhitePixelGif);

        var image = ImageDecoder.DecodeFile(path);

        Assert.Equal(new byte[] { 255, 255, 255, 255 }, image.Pixels);
    }

    [Fact]
    public void Resizing_a_solid_image_keeps_its_colour()
    {
        var solid = Enumerable.Range(0, 16 * 12).SelectMany(_ => new byte[] { 10, 20, 30 }).ToArray();
        var path = _dir.File("solid.png");
        File.WriteAllBytes(path, TestImages.Encode(16, 12, solid, SKEncodedImageFormat.Png));

        var image = ImageDecoder.DecodeFile(path, (4, 3));

        Assert.Equal((4, 3), (image.Width, image.Height));
        Assert.Equal(Enumerable.Range(0, 12).SelectMany(_ => new byte[] { 10, 20, 30 }), ImageChannels.Convert(image, 3));
    }

    [Fact]
    public void Garbage_and_cut_short_files_are_ImageCorrupt()
    {
        var garbage = _dir.Write("garbage.png", "not an image");
        var png = File.ReadAllBytes(SampleDirectory.Path("digits", "images", "digit_000.png"));
        var cut = _dir.File("cut.png");
        File.WriteAllBytes(cut, png[..(png.Length / 2)]);

        Assert.Equal(InvalidImageException.Corrupt, Assert.Throws<InvalidImageException>(() => ImageDecoder.DecodeFile(garbage)).Code);
        Assert.Equal(InvalidImageException.Corrupt, Assert.Throws<InvalidImageException>(() => ImageDecoder.DecodeFile(cut)).Code);
    }

    private string Write(string name)
    {
        var path = _dir.File(name);
        File.WriteAllBytes(path, Path.GetExtension(name) switch
        {
            ".png" => TestImages.Encode(2, 2, Quad, SKEncodedImageFormat.Png),
            ".webp" => TestImages.Encode(2, 2, Quad, SKEncodedImageFormat.Webp),
            _ => TestImages.Bmp(2, 2, Quad),
        });
        return path;
    }
}
