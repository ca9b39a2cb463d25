using System.Globalization;
using System.Text;
using OrleansBatch.Grains.Domain.Jobs;

namespace OrleansBatch.Silo.Tests.Jobs;

public class PartRewriteStreamTests
{
    private static readonly int[] CallerBufferSizes = [1, 3, 7, 4096, 1 << 20];

    private static MiniBatchResult Result(int index, params MiniBatchSegment[] segments) =>
        new(index, true, $"p{index}", segments, ["label", "p0"], 0, 0, 1, 1, [], 0, "w", DateTimeOffset.UnixEpoch);

    private static PartRewriteStream Rewrite(string part, MiniBatchResult result, IReadOnlyList<JobInputFile> files, long[] rowBase) =>
        new(new MemoryStream(Encoding.UTF8.GetBytes(part)), result, files, rowBase);

    [Fact]
    public void Adds_each_files_running_row_base_and_identity_columns()
    {
        var files = new List<JobInputFile> { new("a,b.csv", "/x", 100), new("c.csv", "/y", 50) };
        var rowBase = new long[2];

        // Part 0: first range of file 0 with 3 rows (row 1 failed, so 2 lines); part 1: the rest of file 0, then file 1.
        using var first = Rewrite("0,1,0.9\n2,0,0.2\n", Result(0, new MiniBatchSegment(0, 2, 3)), files, rowBase);
        using var second = Rewrite("0,1,0.8\n1,1,0.7\n0,0,0.1\n", Result(1, new MiniBatchSegment(0, 2, 2), new MiniBatchSegment(1, 1, 1)), files, rowBase);
        // The bases advance when each stream is made, so both parts can be read later (in any order).
        Assert.Equal([5L, 1L], rowBase);
        var text = Encoding.UTF8.GetString(ReadAll(second, 4096)) + "|" + Encoding.UTF8.GetString(ReadAll(first, 4096));

        Assert.Equal(
            "\"a,b.csv\",3,1,0.8\n\"a,b.csv\",4,1,0.7\nc.csv,0,0,0.1\n|\"a,b.csv\",0,1,0.9\n\"a,b.csv\",2,0,0.2\n",
            text);
        Assert.Equal(2, first.LinesWritten);
        Assert.Equal(3, second.LinesWritten);
    }

    [Fact]
    public void A_short_part_is_an_error_not_a_silent_gap()
    {
        var files = new List<JobInputFile> { new("a.csv", "/x", 100) };
        using var stream = Rewrite("0,1\n", Result(4, new MiniBatchSegment(0, 2, 2)), files, new long[1]);

        var error = Assert.Throws<InvalidDataException>(() => ReadAll(stream, 4096));

        Assert.Equal("Output part of mini-batch 4 ends after 1 of 2 lines for a.csv.", error.Message);
    }

    [Theory]
    [InlineData(",1,0.9\n", ",1,0.9")]
    [InlineData("x1,0.9\n", "x1,0.9")]
    [InlineData("-1,0.9\n", "-1,0.9")]
    [InlineData("+1\n", "+1")]
    [InlineData(" 1,a\n", " 1,a")]
    [InlineData("1 ,a\n", "1 ,a")]
    [InlineData("\n0,a\n", "")]
    [InlineData("ab\u00e9", "ab\u00e9")]
    public void A_line_without_a_row_number_names_the_mini_batch_and_the_line(string part, string shown)
    {
        var files = new List<JobInputFile> { new("a.csv", "/x", 100) };
        using var stream = Rewrite(part, Result(7, new MiniBatchSegment(0, 1, 1)), files, new long[1]);

        var error = Assert.Throws<InvalidDataException>(() => ReadAll(stream, 7));

        Assert.Equal($"Output part of mini-batch 7 has a line without a row number: '{shown}'.", error.Message);
    }

    [Fact]
    public void A_long_bad_line_is_shown_cut_short()
    {
        var files = new List<JobInputFile> { new("a.csv", "/x", 100) };
        var line = "row," + new string('v', 200);
        using var stream = Rewrite(line + "\n", Result(7, new MiniBatchSegment(0, 1, 1)), files, new long[1]);

        var error = Assert.Throws<InvalidDataException>(() => ReadAll(stream, 4096));

        Assert.Equal($"Output part of mini-batch 7 has a line without a row number: '{line[..80]}...'.", error.Message);
    }

    [Theory]
    [InlineData("99999999999999999999,1\n", 0L)]
    [InlineData("9223372036854775808\n", 0L)]
    [InlineData("5,a\n", long.MaxValue - 1)]
    public void A_row_number_beyond_64_bits_is_an_error(string part, long rowBase)
    {
        var files = new List<JobInputFile> { new("a.csv", "/x", 100) };
        using var stream = Rewrite(part, Result(2, new MiniBatchSegment(0, 1, 1)), files, [rowBase]);

        var error = Assert.Throws<InvalidDataException>(() => ReadAll(stream, 4096));

        Assert.StartsWith("Output part of mini-batch 2 has ", error.Message);
        Assert.Contains("64-bit", error.Message);
    }

    [Fact]
    public void The_largest_row_number_still_fits()
    {
        var files = new List<JobInputFile> { new("a.csv", "/x", 100) };
        using var stream = Rewrite("9223372036854775800,a\n", Result(2, new MiniBatchSegment(0, 1, 1)), files, [7]);

        Assert.Equal("a.csv,9223372036854775807,a\n", Encoding.UTF8.GetString(ReadAll(stream, 3)));
    }

    [Theory]
    [InlineData("0,a\n1,b\nnot a line at all\n")]
    [InlineData("0,a\n1,b\n2")]
    [InlineData("0,a\n1,b\n\n\n")]
    public void Bytes_after_the_manifests_last_line_are_ignored(string part)
    {
        var files = new List<JobInputFile> { new("a.csv", "/x", 100) };
        using var stream = Rewrite(part, Result(0, new MiniBatchSegment(0, 2, 2)), files, new long[1]);

        Assert.Equal("a.csv,0,a\na.csv,1,b\n", Encoding.UTF8.GetString(ReadAll(stream, 1)));
        Assert.Equal(2, stream.LinesWritten);
    }

    [Fact]
    public void A_last_line_without_newline_and_a_line_without_values_end_with_one()
    {
        var files = new List<JobInputFile> { new("a.csv", "/x", 100) };
        using var stream = Rewrite("3\n0,a\n1", Result(0, new MiniBatchSegment(0, 3, 4)), files, [10]);

        Assert.Equal("a.csv,13\na.csv,10,a\na.csv,11\n", Encoding.UTF8.GetString(ReadAll(stream, 4096)));
    }

    [Fact]
    public void Only_newline_ends_a_line_so_a_carriage_return_stays_in_its_values()
    {
        var files = new List<JobInputFile> { new("a.csv", "/x", 100) };
        using var stream = Rewrite("0,\"a\rb\",1\r\n1,c\n", Result(0, new MiniBatchSegment(0, 2, 2)), files, new long[1]);

        Assert.Equal("a.csv,0,\"a\rb\",1\r\na.csv,1,c\n", Encoding.UTF8.GetString(ReadAll(stream, 3)));
    }

    [Fact]
    public void Is_read_only_and_forward_only_and_disposes_the_part()
    {
        var part = new MemoryStream(Encoding.UTF8.GetBytes("0,a\n"));
        var stream = new PartRewriteStream(part, Result(0, new MiniBatchSegment(0, 1, 1)), [new("a.csv", "/x", 1)], new long[1]);

        Assert.True(stream.CanRead);
        Assert.False(stream.CanSeek);
        Assert.False(stream.CanWrite);
        Assert.Throws<NotSupportedException>(() => stream.Length);
        Assert.Throws<NotSupportedException>(() => stream.Position);
        Assert.Throws<NotSupportedException>(() => stream.Write([1], 0, 1));
        Assert.Equal((int)'a', stream.ReadByte());
        stream.Dispose();

        Assert.False(part.CanRead);
        Assert.Throws<ObjectDisposedException>(() => stream.ReadByte());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(4096)]
    [InlineData(1 << 20)]
    public async Task Random_parts_read_in_any_pieces_equal_the_straightforward_rewrite(int callerBuffer)
    {
        var random = new Random(1234 + callerBuffer);
        var files = RandomFiles(random, 6);
        for (var p = 0; p < 12; p++)
        {
            var (part, result) = RandomPart(random, p, files.Count, maxSegments: 10, maxRows: 30);
            var start = Enumerable.Range(0, files.Count).Select(_ => random.NextInt64(0, 1L << 40)).ToArray();
            var expected = Encoding.UTF8.GetBytes(Reference(part, result, files, (long[])start.Clone()));
            foreach (var chunk in new[] { 1, 2, 5, int.MaxValue })
            {
                foreach (var async in new[] { false, true })
                {
                    var rowBase = (long[])start.Clone();
                    await using var stream = new PartRewriteStream(new ChunkedReadStream(Encoding.UTF8.GetBytes(part), chunk), result, files, rowBase);
                    var actual = async ? await ReadAllAsync(stream, callerBuffer) : ReadAll(stream, callerBuffer);
                    Assert.True(expected.AsSpan().SequenceEqual(actual), $"part {p}, inner chunk {chunk}, async {async}:\n{part}");
                    Assert.Equal(result.Segments.Sum(s => s.Lines), stream.LinesWritten);
                    Assert.Equal(Advanced(start, result), rowBase);
                }
            }
        }
    }

    [Theory]
    [InlineData(7)]
    [InlineData(4096)]
    [InlineData(1 << 20)]
    public async Task Parts_larger_than_the_buffer_with_lines_longer_than_it_equal_the_straightforward_rewrite(int callerBuffer)
    {
        var random = new Random(99 + callerBuffer);
        var files = RandomFiles(random, 3);
        var (part, result) = RandomPart(random, 0, files.Count, maxSegments: 40, maxRows: 400);
        // One line far longer than the 64 KB input buffer, in the middle of the part.
        var total = (int)result.Segments.Sum(s => s.Lines);
        Assert.True(total > 1000);
        var lines = part.Split('\n');
        lines[total / 2] = lines[total / 2].Split(',')[0] + ",\u00e9" + new string('x', 150_000) + "\u65e5";
        part = string.Join('\n', lines);
        var expected = Encoding.UTF8.GetBytes(Reference(part, result, files, new long[files.Count]));
        Assert.True(expected.Length > 3 * (1 << 16));
        foreach (var chunk in new[] { 997, 65_549, int.MaxValue })
        {
            foreach (var async in new[] { false, true })
            {
                await using var stream = new PartRewriteStream(new ChunkedReadStream(Encoding.UTF8.GetBytes(part), chunk), result, files, new long[files.Count]);
                var actual = async ? await ReadAllAsync(stream, callerBuffer) : ReadAll(stream, callerBuffer);
                Assert.True(expected.AsSpan().SequenceEqual(actual), $"inner chunk {chunk}, async {async}");
            }
        }
    }

    /// <summary>The rewrite done the plain way: split the text into lines, parse the row number, format.</summary>
    private static string Reference(string part, MiniBatchResult result, IReadOnlyList<JobInputFile> files, long[] rowBase)
    {
        var lines = part.Split('\n');
        var output = new StringBuilder();
        var next = 0;
        foreach (var segment in result.Segments)
        {
            var name = CsvField.Quote(files[segment.FileIndex].FileName);
            for (long i = 0; i < segment.Lines; i++)
            {
                var line = lines[next++];
                var comma = line.IndexOf(',');
                var row = long.Parse(comma < 0 ? line : line[..comma], NumberStyles.None, CultureInfo.InvariantCulture);
                output.Append(name).Append(',').Append((rowBase[segment.FileIndex] + row).ToString(CultureInfo.InvariantCulture));
                if (comma >= 0)
                    output.Append(line, comma, line.Length - comma);
                output.Append('\n');
            }
            rowBase[segment.FileIndex] += segment.Rows;
        }
        return output.ToString();
    }

    private static long[] Advanced(long[] start, MiniBatchResult result)
    {
        var rowBase = (long[])start.Clone();
        foreach (var segment in result.Segments)
            rowBase[segment.FileIndex] += segment.Rows;
        return rowBase;
    }

    private static List<JobInputFile> RandomFiles(Random random, int count)
    {
        string[] names = ["plain.csv", "a,b.csv", "say \"hi\".csv", "donn\u00e9es \u00e9t\u00e9.csv", "\u65e5\u672c\u8a9e.csv", "emoji \ud83d\ude00.csv", "line\nbreak.csv"];
        return Enumerable.Range(0, count).Select(i => new JobInputFile(names[random.Next(names.Length)], $"/in/{i}", 1000)).ToList();
    }

    /// <summary>
    /// A part with random segments (failed rows, empty and failed slices), values with non-ASCII text, lines
    /// without values, row numbers with leading zeros; sometimes no final newline or bytes after the last line.
    /// </summary>
    private static (string Part, MiniBatchResult Result) RandomPart(Random random, int index, int fileCount, int maxSegments, int maxRows)
    {
        string[] values = ["", ",", ",1,0.98,0.02", ",\"\u00e9, \u00fc\",\u00df", ",\u65e5\u672c\u8a9e,\ud83d\ude00", ",\"a \"\"quoted\"\" one\",-1.5e-7", ",x"];
        var segments = new List<MiniBatchSegment>();
        var text = new StringBuilder();
        var count = random.Next(0, maxSegments + 1);
        for (var s = 0; s < count; s++)
        {
            var rows = random.Next(0, maxRows + 1);
            var lines = random.Next(4) == 0 ? random.Next(0, rows + 1) : rows;
            segments.Add(new MiniBatchSegment(random.Next(fileCount), lines, rows));
            for (var i = 0; i < lines; i++)
            {
                var row = random.NextInt64(0, rows);
                text.Append(random.Next(10) == 0 ? "00" : "").Append(row.ToString(CultureInfo.InvariantCulture));
                text.Append(random.Next(5) == 0 ? "," + new string('v', random.Next(0, 300)) : values[random.Next(values.Length)]);
                text.Append('\n');
            }
        }
        switch (random.Next(4))
        {
            case 0 when text.Length > 0:
                text.Length--; // no final newline
                break;
            case 1:
                text.Append(random.Next(2) == 0 ? "junk without a row number\n" : "12,\u00e9"); // ignored
                break;
        }
        return (text.ToString(), Result(index, [.. segments]));
    }

    private static byte[] ReadAll(Stream stream, int bufferSize)
    {
        var output = new MemoryStream();
        var buffer = new byte[bufferSize];
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
            output.Write(buffer, 0, read);
        return output.ToArray();
    }

    private static async Task<byte[]> ReadAllAsync(Stream stream, int bufferSize)
    {
        var output = new MemoryStream();
        var buffer = new byte[bufferSize];
        int read;
        while ((read = await stream.ReadAsync(buffer)) > 0)
            output.Write(buffer, 0, read);
        return output.ToArray();
    }
}
