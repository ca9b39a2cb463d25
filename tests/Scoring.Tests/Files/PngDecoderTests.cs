using OrleansBatch.Scoring.Files;

namespace OrleansBatch.Scoring.Tests.Files;

public class PngDecoderTests
{
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
            var image = PngDecoder.DecodeFile(file);

            Assert.Equal((8, 8, 1), (image.Width, image.Height, image.Channels));
            Assert.Equal(expected[Path.GetFileName(file)], image.Pixels);
        }
    }

    [Theory]
    [InlineData("digit_000_rgb.png", "digit_000.png", 3)]
    [InlineData("digit_001_rgba.png", "digit_001.png", 4)]
    [InlineData("digit_002_rgb.png", "digit_002.png", 3)]
    [InlineData("digit_003_gray_alpha.png", "digit_003.png", 2)]
    public void Decodes_colour_variants_with_gray_in_every_colour_channel_and_opaque_alpha(string file, string gray, int channels)
    {
        var expected = SamplePixels()[gray];

        var image = PngDecoder.DecodeFile(SampleDirectory.Path("digits", "images-color", file));

        Assert.Equal((8, 8, channels), (image.Width, image.Height, image.Channels));
        var hasAlpha = channels is 2 or 4;
        for (var pixel = 0; pixel < 64; pixel++)
        {
            for (var c = 0; c < channels; c++)
            {
                var isAlpha = hasAlpha && c == channels - 1;
                Assert.Equal(isAlpha ? 255 : expected[pixel], image.Pixels[pixel * channels + c]);
            }
        }
    }

    [Fact]
    public void Copies_planar_floats_channel_by_channel()
    {
        // 2x1 RGB: pixel 0 = (1, 2, 3), pixel 1 = (4, 5, 6).
        var png = PngBytes.Unfiltered(2, 1, 3, colorType: 2, i => (byte)(i + 1));
        var image = PngDecoder.Decode(png);
        var planar = new float[6];

        image.CopyPlanarTo(planar);

        Assert.Equal([1f, 4f, 2f, 5f, 3f, 6f], planar);
    }

    [Fact]
    public void Decodes_a_larger_unfiltered_image_split_over_chunks()
    {
        var png = PngBytes.Unfiltered(300, 7, 4, colorType: 6, i => (byte)(i * 7), idatChunks: 3);

        var image = PngDecoder.Decode(png);

        Assert.Equal((300, 7, 4), (image.Width, image.Height, image.Channels));
        Assert.All(Enumerable.Range(0, image.SampleCount), i => Assert.Equal((byte)(i * 7), image.Pixels[i]));
    }

    [Fact]
    public void Every_truncation_of_a_sample_is_reported_as_truncated()
    {
        var png = File.ReadAllBytes(SampleDirectory.Path("digits", "images", "digit_000.png"));

        for (var length = 0; length < png.Length; length++)
        {
            var error = Assert.Throws<InvalidImageException>(() => PngDecoder.Decode(png.AsSpan(0, length)));
            Assert.True(error.Code == InvalidImageException.Truncated, $"cut at {length}: {error.Code}: {error.Message}");
        }
    }

    [Fact]
    public void A_cut_inside_the_image_data_says_how_many_bytes_are_missing()
    {
        var png = File.ReadAllBytes(SampleDirectory.Path("digits", "images", "digit_000.png"));
        var idatLength = (png[33] << 24) | (png[34] << 16) | (png[35] << 8) | png[36]; // IHDR chunk is bytes 8..32

        var error = Assert.Throws<InvalidImageException>(() => PngDecoder.Decode(png.AsSpan(0, 33 + 8 + 5)));

        Assert.Equal($"PNG is truncated: IDAT chunk needs {idatLength + 4} bytes, 5 left.", error.Message);
    }

    [Fact]
    public void A_damaged_byte_fails_the_crc_check()
    {
        var png = File.ReadAllBytes(SampleDirectory.Path("digits", "images", "digit_005.png"));
        png[33 + 8 + 3] ^= 0x10; // inside the IDAT data

        var error = Assert.Throws<InvalidImageException>(() => PngDecoder.Decode(png));

        Assert.Equal(InvalidImageException.Corrupt, error.Code);
        Assert.Contains("CRC of the IDAT chunk", error.Message);
    }

    [Fact]
    public void A_file_that_is_not_a_png_is_refused_by_its_signature()
    {
        byte[] jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46];

        var error = Assert.Throws<InvalidImageException>(() => PngDecoder.Decode(jpeg));

        Assert.Equal(InvalidImageException.Corrupt, error.Code);
        Assert.StartsWith("Not a PNG file: it starts with FFD8FFE0", error.Message);
    }

    [Theory]
    [InlineData(8, 0, 1, "Interlaced (Adam7)")]
    [InlineData(16, 0, 0, "bit depth 16")]
    [InlineData(1, 0, 0, "bit depth 1")]
    [InlineData(8, 3, 0, "palette images")]
    public void Forms_the_decoder_does_not_handle_are_refused_as_unsupported(byte bitDepth, byte colorType, byte interlace, string expected)
    {
        var png = PngBytes.File(PngBytes.Header(4, 4, bitDepth, colorType, interlace), PngBytes.Chunk("IDAT", PngBytes.Compress(new byte[20])));

        var error = Assert.Throws<InvalidImageException>(() => PngDecoder.Decode(png));

        Assert.Equal(InvalidImageException.Unsupported, error.Code);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void An_absurd_size_is_refused_before_allocating()
    {
        var png = PngBytes.File(PngBytes.Header(100_000, 100_000), PngBytes.Chunk("IDAT", PngBytes.Compress(new byte[10])));

        var error = Assert.Throws<InvalidImageException>(() => PngDecoder.Decode(png));

        Assert.Equal(InvalidImageException.TooLarge, error.Code);
        Assert.Contains("100000x100000", error.Message);
    }

    [Theory]
    [InlineData(4 * 5 - 3, "is short: 4x4 needs 20 bytes after decompression, the IDAT data gives 17")]
    [InlineData(4 * 5 + 1, "is too long: 4x4 needs 20 bytes")]
    public void Image_data_of_the_wrong_size_is_refused(int inflatedLength, string expected)
    {
        var png = PngBytes.File(PngBytes.Header(4, 4), PngBytes.Chunk("IDAT", PngBytes.Compress(new byte[inflatedLength])));

        var error = Assert.Throws<InvalidImageException>(() => PngDecoder.Decode(png));

        Assert.Equal(InvalidImageException.Corrupt, error.Code);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void An_unknown_filter_type_names_the_scanline()
    {
        var filtered = new byte[20];
        filtered[10] = 5; // scanline 2 of a 4x4 gray image

        var png = PngBytes.File(PngBytes.Header(4, 4), PngBytes.Chunk("IDAT", PngBytes.Compress(filtered)));
        var error = Assert.Throws<InvalidImageException>(() => PngDecoder.Decode(png));

        Assert.Equal("PNG scanline 2 has an unknown filter type 5 (valid: 0-4).", error.Message);
    }

    [Fact]
    public void Image_data_that_is_not_zlib_is_refused()
    {
        var png = PngBytes.File(PngBytes.Header(4, 4), PngBytes.Chunk("IDAT", [0x12, 0x34, 0x56, 0x78, 0x9A]));

        var error = Assert.Throws<InvalidImageException>(() => PngDecoder.Decode(png));

        Assert.Equal(InvalidImageException.Corrupt, error.Code);
        Assert.StartsWith("PNG image data is not valid zlib data", error.Message);
    }

    [Fact]
    public void A_png_without_image_data_or_header_is_refused()
    {
        var noData = Assert.Throws<InvalidImageException>(() => PngDecoder.Decode(PngBytes.File(PngBytes.Header(4, 4))));
        var noHeader = Assert.Throws<InvalidImageException>(() => PngDecoder.Decode(PngBytes.File(PngBytes.Chunk("IDAT", PngBytes.Compress(new byte[20])))));

        Assert.Equal("PNG has no IDAT chunk: there is no image data.", noData.Message);
        Assert.Equal("PNG must start with an IHDR chunk, but the first chunk is 'IDAT'.", noHeader.Message);
    }

    [Fact]
    public void Ancillary_chunks_are_skipped_and_unknown_critical_ones_refused()
    {
        var data = PngBytes.Chunk("IDAT", PngBytes.Compress(new byte[20]));
        var withText = PngBytes.File(PngBytes.Header(4, 4), PngBytes.Chunk("tEXt", "Comment\0hello"u8), data);
        var withUnknown = PngBytes.File(PngBytes.Header(4, 4), PngBytes.Chunk("ZZZZ", [1]), data);

        Assert.Equal(16, PngDecoder.Decode(withText).Pixels.Length);
        var error = Assert.Throws<InvalidImageException>(() => PngDecoder.Decode(withUnknown));
        Assert.Equal(InvalidImageException.Unsupported, error.Code);
    }
}
