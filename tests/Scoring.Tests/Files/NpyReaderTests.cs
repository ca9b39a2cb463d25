using System.Buffers.Binary;
using OrleansBatch.Scoring.Files;

namespace OrleansBatch.Scoring.Tests.Files;

public class NpyReaderTests
{
    [Theory]
    [InlineData("digit_000.npy", "digit_000.png", NpyDataType.Float32, "<f4")]
    [InlineData("digit_007.npy", "digit_007.png", NpyDataType.Float32, "<f4")]
    [InlineData("digit_008_float64.npy", "digit_008.png", NpyDataType.Float64, "<f8")]
    [InlineData("digit_009_uint8.npy", "digit_009.png", NpyDataType.UInt8, "|u1")]
    public void Reads_the_sample_arrays_numpy_wrote_with_the_pixels_of_the_same_png(string file, string png, NpyDataType type, string descr)
    {
        var expected = ImageDecoderTests.SamplePixels()[png].Select(p => (float)p).ToArray();

        var array = NpyReader.ReadFile(SampleDirectory.Path("digits", "npy", file));

        Assert.Equal((type, descr), (array.DataType, array.Descr));
        Assert.Equal([1L, 8, 8], array.Shape);
        Assert.Equal(64, array.ElementCount);
        Assert.Equal(expected, array.ToSingleArray());
    }

    [Fact]
    public void Every_sample_array_reads()
    {
        var files = Directory.GetFiles(SampleDirectory.Path("digits", "npy"), "*.npy");

        Assert.Equal(10, files.Length);
        Assert.All(files, f => Assert.Equal(64, NpyReader.ReadFile(f).ToSingleArray().Length));
    }

    [Fact]
    public void Gives_the_raw_bytes_of_a_uint8_array_and_refuses_them_for_other_dtypes()
    {
        var bytes = NpyReader.ReadFile(SampleDirectory.Path("digits", "npy", "digit_009_uint8.npy")).ToByteArray();
        var floats = NpyReader.ReadFile(SampleDirectory.Path("digits", "npy", "digit_000.npy"));

        Assert.Equal(ImageDecoderTests.SamplePixels()["digit_009.png"], bytes);
        var error = Assert.Throws<InvalidArrayException>(() => floats.ToByteArray());
        Assert.Equal(InvalidArrayException.Unsupported, error.Code);
        Assert.Contains("'<f4'", error.Message);
    }

    public static TheoryData<string, NpyDataType, byte[]> Dtypes() => new()
    {
        // Each holds -2, 0, 1, 3 as the type can (unsigned types take absolute values, bool non-zero); see Expected.
        { "<f4", NpyDataType.Float32, Encode(4, (s, v) => BinaryPrimitives.WriteSingleLittleEndian(s, (float)v)) },
        { "<f8", NpyDataType.Float64, Encode(8, (s, v) => BinaryPrimitives.WriteDoubleLittleEndian(s, v)) },
        { "|i1", NpyDataType.Int8, Encode(1, (s, v) => s[0] = (byte)(sbyte)v) },
        { "<i2", NpyDataType.Int16, Encode(2, (s, v) => BinaryPrimitives.WriteInt16LittleEndian(s, (short)v)) },
        { "<i4", NpyDataType.Int32, Encode(4, (s, v) => BinaryPrimitives.WriteInt32LittleEndian(s, (int)v)) },
        { "<i8", NpyDataType.Int64, Encode(8, (s, v) => BinaryPrimitives.WriteInt64LittleEndian(s, (long)v)) },
        { "|u1", NpyDataType.UInt8, Encode(1, (s, v) => s[0] = (byte)Math.Abs(v)) },
        { "<u2", NpyDataType.UInt16, Encode(2, (s, v) => BinaryPrimitives.WriteUInt16LittleEndian(s, (ushort)Math.Abs(v))) },
        { "<u4", NpyDataType.UInt32, Encode(4, (s, v) => BinaryPrimitives.WriteUInt32LittleEndian(s, (uint)Math.Abs(v))) },
        { "<u8", NpyDataType.UInt64, Encode(8, (s, v) => BinaryPrimitives.WriteUInt64LittleEndian(s, (ulong)Math.Abs(v))) },
        { "|b1", NpyDataType.Bool, Encode(1, (s, v) => s[0] = v == 0 ? (byte)0 : (byte)1) },
    };

    [Theory]
    [MemberData(nameof(Dtypes))]
    public void Reads_each_dtype_as_floats(string descr, NpyDataType type, byte[] data)
    {
        var npy = NpyBytes.Build(NpyBytes.Header(descr, "(2, 2)"), data);

        var array = NpyReader.Read(npy);

        Assert.Equal(type, array.DataType);
        Assert.Equal([2L, 2], array.Shape);
        Assert.Equal(Expected(type), array.ToSingleArray());
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public void Reads_format_versions_2_and_3(int version)
    {
        var npy = NpyBytes.Build(NpyBytes.Header("<i4", "(3,)"), [1, 0, 0, 0, 2, 0, 0, 0, 3, 0, 0, 0], version);

        Assert.Equal([1f, 2f, 3f], NpyReader.Read(npy).ToSingleArray());
    }

    [Fact]
    public void Reads_a_scalar_and_an_empty_array()
    {
        var scalar = NpyReader.Read(NpyBytes.Build(NpyBytes.Header("|u1", "()"), [42]));
        var empty = NpyReader.Read(NpyBytes.Build(NpyBytes.Header("<f4", "(0, 5)"), []));

        Assert.Empty(scalar.Shape);
        Assert.Equal([42f], scalar.ToSingleArray());
        Assert.Equal(0, empty.ElementCount);
    }

    [Fact]
    public void Copies_into_a_slot_of_a_larger_buffer()
    {
        var array = NpyReader.Read(NpyBytes.Build(NpyBytes.Header("|u1", "(3,)"), [7, 8, 9]));
        var batch = new float[6];

        array.CopyTo(batch.AsSpan(3));

        Assert.Equal([0f, 0f, 0f, 7f, 8f, 9f], batch);
    }

    [Theory]
    [InlineData("<U5", "'<U5' is not supported")]
    [InlineData("|O", "Python objects (dtype '|O')")]
    [InlineData("<c8", "'<c8' is not supported")]
    [InlineData("<f2", "'<f2' is not supported")]
    [InlineData(">f4", "'>f4' is big-endian")]
    public void A_dtype_it_does_not_read_is_named_in_the_error(string descr, string expected)
    {
        var npy = NpyBytes.Build(NpyBytes.Header(descr, "(2,)"), new byte[40]);

        var error = Assert.Throws<InvalidArrayException>(() => NpyReader.Read(npy));

        Assert.Equal(InvalidArrayException.Unsupported, error.Code);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void A_structured_dtype_is_refused()
    {
        var npy = NpyBytes.Build("{'descr': [('x', '<f4'), ('y', '<i4')], 'fortran_order': False, 'shape': (1,), }", new byte[8]);

        var error = Assert.Throws<InvalidArrayException>(() => NpyReader.Read(npy));

        Assert.Equal(InvalidArrayException.Unsupported, error.Code);
        Assert.Contains("structured (record) dtype", error.Message);
    }

    [Fact]
    public void Fortran_order_is_refused()
    {
        var npy = NpyBytes.Build(NpyBytes.Header("<f4", "(2, 2)", fortranOrder: true), new byte[16]);

        var error = Assert.Throws<InvalidArrayException>(() => NpyReader.Read(npy));

        Assert.Equal(InvalidArrayException.Unsupported, error.Code);
        Assert.Contains("Fortran (column-major) order", error.Message);
    }

    [Fact]
    public void Truncated_data_says_how_much_is_needed()
    {
        var whole = File.ReadAllBytes(SampleDirectory.Path("digits", "npy", "digit_000.npy"));

        var error = Assert.Throws<InvalidArrayException>(() => NpyReader.Read(whole.AsMemory(0, whole.Length - 156)));

        Assert.Equal(InvalidArrayException.Truncated, error.Code);
        Assert.Equal("The .npy data is truncated: shape (1, 8, 8) of '<f4' needs 256 bytes, the file has 100.", error.Message);
    }

    [Fact]
    public void Every_truncation_of_a_sample_is_an_error_with_a_code()
    {
        var whole = File.ReadAllBytes(SampleDirectory.Path("digits", "npy", "digit_009_uint8.npy"));

        for (var length = 0; length < whole.Length; length++)
        {
            var error = Assert.Throws<InvalidArrayException>(() => NpyReader.Read(whole.AsMemory(0, length)));
            Assert.True(error.Code == InvalidArrayException.Truncated, $"cut at {length}: {error.Code}: {error.Message}");
        }
    }

    [Fact]
    public void Data_beyond_the_shape_is_refused()
    {
        var npy = NpyBytes.Build(NpyBytes.Header("|u1", "(3,)"), [1, 2, 3, 4]);

        var error = Assert.Throws<InvalidArrayException>(() => NpyReader.Read(npy));

        Assert.Equal(InvalidArrayException.Corrupt, error.Code);
        Assert.Contains("needs 3 bytes, the file has 4", error.Message);
    }

    [Fact]
    public void An_absurd_shape_is_refused_before_allocating()
    {
        var npy = NpyBytes.Build(NpyBytes.Header("<f4", "(100000, 100000, 100000)"), new byte[16]);

        var error = Assert.Throws<InvalidArrayException>(() => NpyReader.Read(npy));

        Assert.Equal(InvalidArrayException.TooLarge, error.Code);
    }

    [Theory]
    [InlineData("{'descr': '<f4', 'shape': (2,), }", "must have 'descr', 'fortran_order' and 'shape'")]
    [InlineData("{'descr': '<f4', 'fortran_order': False, 'shape': (2, -1), }", "negative dimension")]
    [InlineData("{'descr': '<f4', 'fortran_order': False, 'shape': ('2',), }", "'shape' is not a tuple of integers")]
    [InlineData("{'descr': '<f4', 'fortran_order': Maybe, 'shape': (2,), }", "unexpected word 'Maybe'")]
    [InlineData("{'descr': '<f4', 'fortran_order': False, 'shape': (2,)", "expected ',' or '}'")]
    [InlineData("[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[", "nesting deeper than 16 levels")]
    public void A_malformed_header_is_refused(string header, string expected)
    {
        var npy = NpyBytes.Build(header, new byte[8]);

        var error = Assert.Throws<InvalidArrayException>(() => NpyReader.Read(npy));

        Assert.Equal(InvalidArrayException.Corrupt, error.Code);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void A_file_that_is_not_npy_or_of_an_unknown_version_is_refused()
    {
        var notNpy = Assert.Throws<InvalidArrayException>(() => NpyReader.Read("PK\x03\x04 zip"u8.ToArray()));
        var version9 = NpyBytes.Build(NpyBytes.Header("<f4", "(1,)"), new byte[4]);
        version9[6] = 9;

        var unknown = Assert.Throws<InvalidArrayException>(() => NpyReader.Read(version9));

        Assert.Equal(InvalidArrayException.Corrupt, notNpy.Code);
        Assert.StartsWith("Not a .npy file: it starts with 504B0304", notNpy.Message);
        Assert.Equal(InvalidArrayException.Unsupported, unknown.Code);
        Assert.Contains("format version 9.0", unknown.Message);
    }

    private static readonly double[] Values = [-2, 0, 1, 3];

    private static byte[] Encode(int size, Action<byte[], double> write) =>
        [.. Values.SelectMany(v =>
        {
            var element = new byte[size];
            write(element, v);
            return element;
        })];

    private static float[] Expected(NpyDataType type) => type switch
    {
        NpyDataType.UInt8 or NpyDataType.UInt16 or NpyDataType.UInt32 or NpyDataType.UInt64 => [2, 0, 1, 3],
        NpyDataType.Bool => [1, 0, 1, 1],
        _ => [-2, 0, 1, 3],
    };
}
